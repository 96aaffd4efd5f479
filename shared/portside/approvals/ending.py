"""The daily special-price job: mail the partner 7 days before a granted special price ends, and end it after.

A special price with a last day waits in GSI2 by that day, per tenant, so each run reads two key
ranges per tenant: ending within 7 days and not yet reminded, and already ended. The price entry
stops applying after its last day by itself (pages check ``valid_to``); the job removes it, so
the partner's own prices stay few, and marks the request ended. Each request is its own
conditional transaction (audited, with the partner update and mail): a rerun, or two runs at
once, remind and end each exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from portside import clock
from portside.approvals.decision import tell_partner
from portside.approvals.models import PricingRequest
from portside.audit import Client, audit_event
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.lookups.models.catalogue import PriceEntry

REMIND_BEFORE = timedelta(days=7)
ACTOR = "system:special-prices"
JOB = Client(ip=None, user_agent="daily job")


@dataclass
class SpecialPriceRun:
    reminded: int = 0
    ended: int = 0


def _ending(tenant: Tenant, before: str, since: str | None = None) -> list[PricingRequest]:
    """Granted special prices whose last day is before ``before`` (and from ``since``)."""
    partition = PricingRequest.list_partition(tenant.tenant_id, "ending")
    key_range = PricingRequest.GSI2SK.between(since, before) if since else before > PricingRequest.GSI2SK
    found = PricingRequest.gsi2.query(partition, key_range)
    return [request for request in found if isinstance(request, PricingRequest) and request.state == "approved"]


def _notice_and_commit(changes: Changes, tenant: Tenant, request: PricingRequest, ending: bool) -> bool:
    """Add the partner's update and mail to ``changes`` and commit: False when another run did it first."""
    last_day = date.fromisoformat(request.granted_until or "")
    if ending:
        news = f"Your special price applies until {last_day:%d %b %Y}. Ask again if you need it longer."
    else:
        news = f"Your special price ended on {last_day:%d %b %Y}; your price list price applies again."
    headline = "Ends soon" if ending else "Ended"
    tell_partner(
        changes, tenant, request, headline, news, template="special_price_ending", ending=ending, until=str(last_day)
    )
    try:
        changes.commit()
    except ConditionFailed:
        return False
    return True


def _remind(tenant: Tenant, request: PricingRequest) -> bool:
    changes = Changes(
        audit_event(tenant.tenant_id, ACTOR, "pricing_request.ending", f"pricing_request:{request.request_id}", JOB)
    )
    changes.update(
        request,
        [PricingRequest.ending_reminded_at.set(clock.now())],
        label="request",
        condition=(PricingRequest.state == "approved") & PricingRequest.ending_reminded_at.does_not_exist(),
    )
    return _notice_and_commit(changes, tenant, request, ending=True)


def _end(tenant: Tenant, request: PricingRequest) -> bool:
    changes = Changes(
        audit_event(tenant.tenant_id, ACTOR, "pricing_request.ended", f"pricing_request:{request.request_id}", JOB)
    )
    changes.update(
        request,
        [PricingRequest.state.set("expired"), *request.listed_in(None, "")],
        label="request",
        condition=PricingRequest.state == "approved",
    )
    keys = (PriceEntry.partition_of(tenant.tenant_id, f"partner:{request.partner_id}"), request.price_entry_sk or "")
    entry = reads.get_or_none(PriceEntry, keys, consistent=True)
    if entry is not None and entry.granted_by == request.request_id:  # not one an import or a later grant replaced
        changes.delete(entry, label="price", condition=PriceEntry.granted_by == request.request_id)
    return _notice_and_commit(changes, tenant, request, ending=False)


def run_special_price_job() -> SpecialPriceRun:
    run = SpecialPriceRun()
    for tenant in reads.every_tenant():
        today = clock.now().astimezone(ZoneInfo(tenant.time_zone or "UTC")).date()
        for request in _ending(tenant, today.isoformat()):  # the last day has passed
            run.ended += _end(tenant, request)
        soon = (today + REMIND_BEFORE).isoformat() + "~"  # "~" sorts after "#<id>": the 7th day is in
        for request in _ending(tenant, soon, since=today.isoformat()):
            if request.ending_reminded_at is None:
                run.reminded += _remind(tenant, request)
    return run
