"""Every item type at once: the one registry of the table's models, PynamoDB's discriminator registry
complete, for code that reads any item type. A feature with models of its own registers them here."""

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
from portside.imports import models as imports

AREAS = (
    admins,
    catalogue,
    contacts,
    deals,
    documents,
    drafts,
    imports,
    orders,
    pricing_requests,
    questions,
    records,
    tenants,
    training,
    updates,
)
