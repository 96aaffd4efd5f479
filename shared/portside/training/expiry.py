"""The daily certificate job: mail a contact 30 and 7 days before a certificate expires, and mark it expired after.

Certificates not yet marked expired sit in GSI2 by their expiry, per tenant, so each run reads
two key ranges per tenant: expiring within 30 days, and already expired. Each step is its own
conditional transaction on the contact's standing (version-checked, audited, with the mail and
the contact's dashboard update): a rerun, or two runs at once, mail and mark each exactly once.
A certificate stops counting as current at its expiry by itself (pages compare the time); the
job's marking takes it off the module's count of holders and off its list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from portside import clock
from portside.audit import Client, audit_event
from portside.dashboard.updates import partner_update
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact
from portside.data.models.records import OutboxMail
from portside.data.models.tenants import Tenant
from portside.mail.outbox import outbox_mail
from portside.training.models import ModuleHolders, TrainingModule, TrainingStatus
from portside.web.tenants import mail_brand

ACTOR = "system:certificates"
JOB = Client(ip=None, user_agent="daily job")
REMINDERS = (7, 30)  # days before expiry, the nearer first


@dataclass
class CertificateRun:
    reminded: int = 0
    expired: int = 0


def expiring_count(tenant: Tenant, limit: int) -> int:
    """How many certificates end within the first reminder's days from now, up to ``limit``: one Query."""
    now = clock.now()
    window = TrainingStatus.GSI2SK.between(now.isoformat(), (now + timedelta(days=max(REMINDERS))).isoformat())
    return reads.count_up_to(TrainingStatus.expiry_partition(tenant.tenant_id), window, index="GSI2", cap=limit)


def _listed(tenant: Tenant, before: str, since: str | None = None) -> list[TrainingStatus]:
    partition = TrainingStatus.expiry_partition(tenant.tenant_id)
    key_range = TrainingStatus.GSI2SK.between(since, before) if since else before > TrainingStatus.GSI2SK
    return [s for s in TrainingStatus.gsi2.query(partition, key_range) if isinstance(s, TrainingStatus)]


def expiry_mail(
    tenant: Tenant, contact: Contact, module: TrainingModule, status: TrainingStatus, title: str, days: int | None
) -> OutboxMail:
    """The mail that says a certificate expires in ``days`` (None: it has expired), with the way to renew it."""
    until = status.cert_expires_at or clock.now()
    return outbox_mail(
        tenant.tenant_id,
        contact.email,
        "certificate_expiring",
        about=f"contact:{contact.contact_id}",
        name=contact.name,
        module=module.title,
        title=title,
        days=days or 0,
        until=until.date().isoformat(),
        module_url=f"{tenant.base_url.rstrip('/')}/partners/training/{module.module_id}",
        brand=mail_brand(tenant, contact.partner_id),
    )


def _tell(changes: Changes, tenant: Tenant, status: TrainingStatus, title: str, days: int | None) -> bool:
    """Add the contact's mail and dashboard update; False when the contact is gone or disabled (no mail)."""
    contact = reads.contact(tenant.tenant_id, status.contact_id)
    module = reads.get_or_none(TrainingModule, TrainingModule.keys_for(tenant.tenant_id, status.module_id))
    if contact is None or contact.status == "disabled" or module is None:
        return False
    until = status.cert_expires_at or clock.now()
    headline = f"{'Expires' if days else 'Expired'}: your {module.title} certificate"
    message = f"{'It expires on' if days else 'It expired on'} {until:%d %b %Y}. Take the quiz again to renew it."
    link = f"/partners/training/{status.module_id}"
    changes.put(
        partner_update(tenant.tenant_id, status.partner_id, "training", headline, message, link, status.contact_id),
        label="update",
    )
    changes.put(expiry_mail(tenant, contact, module, status, title, days), label="mail")
    return True


def _remind(tenant: Tenant, status: TrainingStatus, days: int) -> bool:
    changes = Changes(
        audit_event(
            tenant.tenant_id, ACTOR, "training.certificate_ending", f"contact:{status.contact_id}", JOB, days=str(days)
        )
    )
    marks = (
        [TrainingStatus.reminded_7_at, TrainingStatus.reminded_30_at] if days == 7 else [TrainingStatus.reminded_30_at]
    )
    changes.update(status, [mark.set(clock.now()) for mark in marks], label="status")  # PynamoDB: version check
    if not _tell(changes, tenant, status, f"Your certificate expires in {days} days", days):
        return False
    return _commit(changes)


def _expire(tenant: Tenant, status: TrainingStatus) -> bool:
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            ACTOR,
            "training.certificate_expired",
            f"contact:{status.contact_id}",
            JOB,
            module=status.module_id,
        )
    )
    changes.update(
        status,
        [
            TrainingStatus.cert_expired_marked.set("yes"),
            TrainingStatus.GSI2PK.remove(),
            TrainingStatus.GSI2SK.remove(),
        ],
        label="status",
    )
    changes.update_key(
        ModuleHolders,
        ModuleHolders.keys_for(tenant.tenant_id, status.module_id),
        [ModuleHolders.holders.add(-1), ModuleHolders.item_type.set(ModuleHolders)],
        label="count",
    )
    _tell(changes, tenant, status, "Your certificate has expired", None)
    return _commit(changes)


def _commit(changes: Changes) -> bool:
    try:
        changes.commit()
    except ConditionFailed:  # another run, or a new pass, changed the standing first
        return False
    return True


def _due(status: TrainingStatus, now: datetime) -> int | None:
    """The reminder this certificate is due (7 or 30 days), if it has not had it."""
    expires = status.cert_expires_at
    if expires is None:
        return None
    for days in REMINDERS:
        mark = status.reminded_7_at if days == 7 else status.reminded_30_at
        if expires - now <= timedelta(days=days):
            return days if mark is None else None
    return None


def run_certificate_job() -> CertificateRun:
    run = CertificateRun()
    now = clock.now()
    for tenant in reads.every_tenant():
        for status in _listed(tenant, now.isoformat()):
            run.expired += _expire(tenant, status)
        soon = (now + timedelta(days=max(REMINDERS))).isoformat()
        for status in _listed(tenant, soon, since=now.isoformat()):
            days = _due(status, now)
            if days is not None:
                run.reminded += _remind(tenant, status, days)
    return run
