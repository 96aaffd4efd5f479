"""The daily deal-protection job: mail partners 14 days before a protection ends, and end it after.

Approved deals sit in GSI2 by the end of their protection, per tenant, so each run reads two key
ranges per tenant: ending within 14 days and not yet reminded, and already ended. Each deal is its
own conditional transaction (audited, with the partner update and mail), so a rerun, or two runs
at once, remind and expire each deal exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from portside import clock
from portside.audit import Client, audit_event
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.deals.models import Deal
from portside.deals.review import claims_of, tell_partner

REMIND_BEFORE = timedelta(days=14)
ACTOR = "system:deal-protection"
JOB = Client(ip=None, user_agent="daily job")


@dataclass
class ProtectionRun:
    reminded: int = 0
    expired: int = 0


def _protected(tenant: Tenant, until: str, since: str | None = None) -> list[Deal]:
    """Approved deals whose protection ends before ``until`` (and from ``since``)."""
    key_range = Deal.GSI2SK.between(since, until) if since else until > Deal.GSI2SK
    found = Deal.gsi2.query(Deal.protected_partition(tenant.tenant_id), key_range)
    return [deal for deal in found if isinstance(deal, Deal) and deal.state == "approved"]


def _notice(tenant: Tenant, deal: Deal, changes: Changes, ending: bool) -> None:
    until = deal.protected_until or clock.now()
    tell_partner(
        changes,
        tenant,
        deal,
        f"Protection {'ends soon' if ending else 'ended'}: {deal.title}",
        f"It {'ends on' if ending else 'ended on'} {until:%d %b %Y}. Register the deal again if the work goes on.",
        "deal_protection",
        ending=ending,
        until=until.date().isoformat(),
    )


def _remind(tenant: Tenant, deal: Deal) -> bool:
    changes = Changes(audit_event(tenant.tenant_id, ACTOR, "deal.protection_ending", f"deal:{deal.deal_id}", JOB))
    changes.update(
        deal,
        [Deal.protection_reminded_at.set(clock.now())],
        label="deal",
        condition=(Deal.state == "approved") & Deal.protection_reminded_at.does_not_exist(),
    )
    _notice(tenant, deal, changes, ending=True)
    try:
        changes.commit()
    except ConditionFailed:
        return False
    return True


def _expire(tenant: Tenant, deal: Deal) -> bool:
    changes = Changes(audit_event(tenant.tenant_id, ACTOR, "deal.protection_expired", f"deal:{deal.deal_id}", JOB))
    changes.update(
        deal,
        deal.move_to("expired", deal.protected_until or clock.now()),
        label="deal",
        condition=Deal.state == "approved",
    )
    for claim in claims_of(deal):  # the customer is free for new registrations
        changes.delete(claim, label=f"claim:{claim.SK}")
    _notice(tenant, deal, changes, ending=False)
    try:
        changes.commit()
    except ConditionFailed:
        return False
    return True


def run_protection_job() -> ProtectionRun:
    now = clock.now()
    run = ProtectionRun()
    for tenant in reads.every_tenant():
        for deal in _protected(tenant, now.isoformat()):
            run.expired += _expire(tenant, deal)
        soon = (now + REMIND_BEFORE).isoformat()
        for deal in _protected(tenant, soon, since=now.isoformat()):
            if deal.protection_reminded_at is None:
                run.reminded += _remind(tenant, deal)
    return run
