"""Access review: every contact and admin with role, partner, status and last activity; completing one is audited."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from portside import clock
from portside.access_review.models import AccessReview
from portside.audit import Client, audit_event
from portside.data.changes import Changes
from portside.data.models.admins import AdminMember
from portside.data.models.contacts import Contact
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.partners.directory import partner_names

CONTACTS_PER_PAGE = 100
MAX_ADMINS = 200


@dataclass(frozen=True)
class ReviewView:
    admins: list[AdminMember]
    contacts: Page[Contact]
    partner_names: dict[str, str]
    last_review: AccessReview | None


def last_review(tenant: Tenant) -> AccessReview | None:
    newest = AccessReview.query(AccessReview.partition_of(tenant.tenant_id), scan_index_forward=False, limit=1)
    return next(iter(newest), None)


def review_view(tenant: Tenant, cursor: str | None) -> ReviewView:
    contacts = query_page(
        Contact, Contact.tenant_partition(tenant.tenant_id), index="GSI2", limit=CONTACTS_PER_PAGE, cursor=cursor
    )
    listed = AdminMember.gsi1.query(AdminMember.list_partition(tenant.tenant_id), limit=MAX_ADMINS)
    admins = [item for item in listed if isinstance(item, AdminMember)]  # the index yields the base type
    names = partner_names(tenant, {contact.partner_id for contact in contacts.items})
    return ReviewView(admins, contacts, names, last_review(tenant))


def complete_review(tenant: Tenant, note: str | None, actor: str, client: Client) -> AccessReview:
    review = AccessReview.build(tenant.tenant_id, uuid.uuid4().hex, clock.now(), reviewer=actor, note=note)
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "access_review.completed", f"access_review:{review.review_id}", client)
    )
    changes.put(review, label="review", condition=AccessReview.PK.does_not_exist())
    changes.commit()
    return review
