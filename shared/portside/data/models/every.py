"""Every area's models at once: PynamoDB's discriminator registry complete, for code that reads any item type."""

from portside.data.models import (
    admins,
    catalogue,
    contacts,
    deals,
    documents,
    drafts,
    orders,
    pricing_requests,
    questions,
    records,
    tenants,
    training,
    updates,
)

AREAS = (
    admins,
    catalogue,
    contacts,
    deals,
    documents,
    drafts,
    orders,
    pricing_requests,
    questions,
    records,
    tenants,
    training,
    updates,
)
