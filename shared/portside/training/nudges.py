"""Certificates about to expire, as engagement lists them, and a one-click nudge to renew each.

The list is a key range of the tenant's certificates by expiry (GSI2): the next 30 days, soonest
first, a page at a time. A nudge mails the holder the renewal mail, at most once a day per
certificate, audited, in one conditional transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from portside import clock
from portside.audit import Client, audit_event
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact
from portside.data.models.tenants import Tenant
from portside.data.pages import query_page
from portside.errors import NotFound
from portside.partners.directory import partner_names
from portside.training.authoring import list_modules
from portside.training.expiry import expiry_mail
from portside.training.models import TrainingModule, TrainingStatus

EXPIRING_WITHIN = timedelta(days=30)
NUDGE_GAP = timedelta(days=1)
LIST_SIZE = 100


@dataclass(frozen=True)
class ExpiringRow:
    contact: Contact
    partner_name: str
    module_id: str
    module_title: str
    expires_at: datetime
    nudged_at: datetime | None


def expiring_certificates(tenant: Tenant, cursor: str | None) -> tuple[list[ExpiringRow], str | None]:
    """Certificates expiring within 30 days, soonest first: one Query, and a BatchGet of their holders."""
    now = clock.now()
    page = query_page(
        TrainingStatus,
        TrainingStatus.expiry_partition(tenant.tenant_id),
        TrainingStatus.GSI2SK.between(now.isoformat(), (now + EXPIRING_WITHIN).isoformat()),
        index="GSI2",
        limit=LIST_SIZE,
        cursor=cursor,
    )
    keys = sorted({Contact.keys_for(tenant.tenant_id, s.contact_id) for s in page.items})
    contacts = {c.contact_id: c for c in (Contact.batch_get(keys) if keys else []) if isinstance(c, Contact)}
    titles = {m.module_id: m.title for m in list_modules(tenant)}
    names = partner_names(tenant, {s.partner_id for s in page.items})
    rows = [
        ExpiringRow(
            contacts[s.contact_id],
            names.get(s.partner_id, s.partner_id),
            s.module_id,
            titles.get(s.module_id, s.module_id),
            s.cert_expires_at,
            s.nudged_at,
        )
        for s in page.items
        if s.contact_id in contacts and s.cert_expires_at is not None and contacts[s.contact_id].status != "disabled"
    ]
    return rows, page.cursor


def nudge_certificate(tenant: Tenant, contact_id: str, module_id: str, actor: str, client: Client) -> bool:
    """Mail the holder to renew; False when they were nudged about it within the day."""
    now = clock.now()
    status = reads.get_or_none(
        TrainingStatus, TrainingStatus.keys_for(tenant.tenant_id, contact_id[:64], module_id[:64]), consistent=True
    )
    contact = reads.contact(tenant.tenant_id, contact_id[:64])
    module = reads.get_or_none(TrainingModule, TrainingModule.keys_for(tenant.tenant_id, module_id[:64]))
    expires = status.cert_expires_at if status is not None else None
    if status is None or contact is None or module is None or expires is None or not status.cert_code:
        raise NotFound(f"certificate of {contact_id} in {module_id}")
    if contact.status == "disabled" or expires < now or (status.nudged_at and status.nudged_at > now - NUDGE_GAP):
        return False
    days = max(1, (expires - now).days)
    changes = Changes(
        audit_event(
            tenant.tenant_id, actor, "training.certificate_nudged", f"contact:{contact_id}", client, module=module_id
        )
    )
    changes.update(status, [TrainingStatus.nudged_at.set(now)], label="status")  # PynamoDB: version check
    changes.put(expiry_mail(tenant, contact, module, status, "Please renew your certificate", days), label="mail")
    try:
        changes.commit()
    except ConditionFailed:  # a nudge, a pass or the daily job a moment ago
        return False
    return True
