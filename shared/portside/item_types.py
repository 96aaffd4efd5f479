"""Every item type at once: the one registry of the table's models, PynamoDB's discriminator registry
complete, for code that reads any item type. A feature with models of its own registers them here."""

from portside.access_review import models as access_review
from portside.admin_sign_in import models as admin_sign_in
from portside.admins import models as admins_feature
from portside.approvals import models as approvals
from portside.data.models import admins, contacts, drafts, records, tenants, updates
from portside.deals import models as deals
from portside.documents import models as documents
from portside.imports import models as imports
from portside.lookups.models import catalogue, orders
from portside.questions import models as questions
from portside.sign_in import models as sign_in
from portside.training import models as training

AREAS = (
    access_review,
    admin_sign_in,
    admins,
    admins_feature,
    approvals,
    catalogue,
    contacts,
    deals,
    documents,
    drafts,
    imports,
    orders,
    questions,
    records,
    sign_in,
    tenants,
    training,
    updates,
)
