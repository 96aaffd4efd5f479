"""Deal registration, as partners see it: list and show (registering is ``deal_submissions``).

- Partners receive a ``DealView``: it cannot carry the conflicts, internal notes or anything
  else the kill list names.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import datetime
from functools import reduce

from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.deals.models import Deal
from portside.errors import NotFound

PAGE_SIZE = 20
STATE_LABELS = {"pending": "Pending approval", "approved": "Approved", "rejected": "Rejected", "expired": "Expired"}


@dataclass(frozen=True)
class DealView:
    """What a partner may see of a deal."""

    deal_id: str
    title: str
    customer_name: str
    customer_domain: str | None
    amount_cents: int
    currency: str
    close_date: str | None
    description: str  # the partner's own words
    state: str
    state_label: str
    decision_note: str | None
    decided_at: datetime | None
    protected_until: datetime | None
    needs_review: bool
    submitter_name: str
    created_at: datetime


def partner_view(deal: Deal) -> DealView:
    return DealView(
        deal_id=deal.deal_id,
        title=deal.title,
        customer_name=deal.customer_name,
        customer_domain=deal.customer_domain,
        amount_cents=int(deal.amount_cents),
        currency=deal.currency,
        close_date=deal.close_date,
        description=deal.description,
        state=deal.state,
        state_label=STATE_LABELS.get(deal.state, deal.state),
        decision_note=deal.decision_note,
        decided_at=deal.decided_at,
        protected_until=deal.protected_until if deal.state == "approved" else None,
        needs_review=bool(deal.conflicts_with) and deal.state == "pending",
        submitter_name=deal.submitter_name,
        created_at=deal.created_at,
    )


def sees_only_own_deals(tenant: Tenant, principal: PartnerPrincipal) -> bool:
    return principal.role == "salesperson" and bool(tenant.salespeople_see_only_own_deals)


def deals_for(
    tenant: Tenant, principal: PartnerPrincipal, cursor: str | None, state: str | None = None, limit: int = PAGE_SIZE
) -> Page[Deal]:
    """The partner's deals, newest first, in one state or all (a salesperson's own only, where the tenant says so).

    The state is a filter on the partner's list: a page may show fewer than ``limit`` and still have a next one."""
    own = Deal.submitter_id == principal.contact_id if sees_only_own_deals(tenant, principal) else None
    in_state = Deal.state == state if state in STATE_LABELS else None
    filters = [condition for condition in (own, in_state) if condition is not None]
    filter_condition = reduce(operator.and_, filters) if filters else None
    return query_page(
        Deal,
        Deal.partner_partition(tenant.tenant_id, principal.partner_id),
        index="GSI1",
        limit=limit,
        cursor=cursor,
        newest_first=True,
        filter_condition=filter_condition,
    )


def deal_for(tenant: Tenant, principal: PartnerPrincipal, deal_id: str) -> Deal:
    """One deal of the principal's partner; anyone else's is "not found", never "forbidden"."""
    deal = reads.get_or_none(Deal, Deal.keys_for(tenant.tenant_id, deal_id[:64]), consistent=True)  # just submitted
    if deal is None or deal.partner_id != principal.partner_id:
        raise NotFound(f"deal {deal_id}")
    if sees_only_own_deals(tenant, principal) and deal.submitter_id != principal.contact_id:
        raise NotFound(f"deal {deal_id}")
    return deal
