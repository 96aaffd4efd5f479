"""Every area's models at once: PynamoDB's discriminator registry complete, for code that reads any item type."""

from portside.data.models import admins, contacts, deals, documents, drafts, questions, records, tenants, updates

AREAS = (admins, contacts, deals, documents, drafts, questions, records, tenants, updates)
