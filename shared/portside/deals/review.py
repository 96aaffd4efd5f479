"""Deal registrations, as admins decide them: the pending queue, a deal beside its conflicts, the decision.

A decision is one conditional write from ``pending`` (with the deal's version): of two admins
deciding at once, or a decision sent twice, exactly one lands and the other is told the deal was
already decided. Approving protects the partner until the tenant's protection period ends;
rejecting releases the customer (its claims go) so other registrations no longer conflict with it.
The submitter and the partner's principals are mailed the decision, in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from portside import clock
from portside.audit import Client, audit_event
from portside.dashboard.updates import partner_update
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.deals.customers import claim_keys
from portside.deals.models import CustomerClaim, Deal
from portside.errors import Conflict, InvalidInput, NotFound
from portside.mail.outbox import outbox_mail
from portside.partners.directory import partner_names, principals_and
from portside.web.tenants import mail_brand

QUEUE_PAGE = 25


class AlreadyDecided(Conflict):
    public_message = "This deal was already decided, by someone else or a moment ago. Reload to see the decision."


@dataclass(frozen=True)
class QueueView:
    deals: list[Deal]
    cursor: str | None
    partner_names: dict[str, str]


@dataclass(frozen=True)
class ReviewView:
    deal: Deal
    partner_name: str
    conflicts: list[Deal]  # other partners' registrations of the same customer, side by side
    partner_names: dict[str, str]


def pending_count(tenant: Tenant, limit: int) -> int:
    """How many registrations wait for a decision, up to ``limit``: one Query of the pending list."""
    return reads.count_up_to(Deal.pending_partition(tenant.tenant_id), None, index="GSI2", cap=limit)


def deal_list(tenant: Tenant, state: str, partner_id: str | None, cursor: str | None) -> QueueView:
    """One state's list across partners (pending oldest first, approved by the end of protection, rejected and
    expired newest first), or one partner's deals newest first, in one state or all. One Query a page."""
    page: Page[Deal]
    if partner_id is not None:
        page = _partner_deals(tenant, partner_id, state, cursor, QUEUE_PAGE)
    elif state == "all":
        raise InvalidInput({"state": "Choose a partner to see all of its deals, or choose one state."})
    else:
        page = query_page(
            Deal,
            Deal.state_partition(tenant.tenant_id, state),
            index="GSI2",
            limit=QUEUE_PAGE,
            cursor=cursor,
            newest_first=state in ("rejected", "expired"),
        )
    names = partner_names(tenant, {deal.partner_id for deal in page.items})
    return QueueView(page.items, page.cursor, names)


def _partner_deals(tenant: Tenant, partner_id: str, state: str, cursor: str | None, limit: int) -> Page[Deal]:
    return query_page(
        Deal,
        Deal.partner_partition(tenant.tenant_id, partner_id),
        index="GSI1",
        limit=limit,
        cursor=cursor,
        newest_first=True,
        filter_condition=None if state == "all" else Deal.state == state,
    )


def recent_deals(tenant: Tenant, partner_id: str, limit: int = 5) -> Page[Deal]:
    """A partner's newest registrations, for its console page (the rest are a link away)."""
    return _partner_deals(tenant, partner_id, "all", None, limit)


def get_deal(tenant: Tenant, deal_id: str) -> Deal:
    deal = reads.get_or_none(Deal, Deal.keys_for(tenant.tenant_id, deal_id[:64]), consistent=True)
    if deal is None:
        raise NotFound(f"deal {deal_id}")
    return deal


def review_view(tenant: Tenant, deal_id: str) -> ReviewView:
    deal = get_deal(tenant, deal_id)
    keys = [Deal.keys_for(tenant.tenant_id, other) for other in deal.conflicts_with]
    conflicts = sorted((d for d in Deal.batch_get(keys) if isinstance(d, Deal)), key=lambda d: d.created_at)
    names = partner_names(tenant, {deal.partner_id, *(d.partner_id for d in conflicts)})
    return ReviewView(deal, names.get(deal.partner_id, deal.partner_id), conflicts, names)


def partner_addresses(tenant: Tenant, deal: Deal) -> list[str]:
    """The submitter and the partner's active principals."""
    return principals_and(tenant, deal.partner_id, deal.submitter_id)


def tell_partner(
    changes: Changes, tenant: Tenant, deal: Deal, title: str, message: str, template: str, **mail: Any
) -> None:
    """Add to ``changes`` the partner's dashboard update and the mail to the submitter and principals."""
    link = f"/partners/deals/{deal.deal_id}"
    changes.put(
        partner_update(tenant.tenant_id, deal.partner_id, "deals", title, message, link, contact_id=deal.submitter_id),
        label="update",
    )
    recipients = partner_addresses(tenant, deal)
    if recipients:
        changes.put(
            outbox_mail(
                tenant.tenant_id,
                recipients,
                template,
                about=f"deal:{deal.deal_id}",
                title=deal.title,
                customer=deal.customer_name,
                amount_cents=int(deal.amount_cents),
                currency=deal.currency,
                deal_url=f"{tenant.base_url.rstrip('/')}{link}",
                brand=mail_brand(tenant, deal.partner_id),
                **mail,
            ),
            label="mail",
        )


def claims_of(deal: Deal) -> list[CustomerClaim]:
    customers = claim_keys(deal.customer_key, deal.customer_domain)
    return [CustomerClaim(*CustomerClaim.keys_for(deal.tenant_id, customer, deal.deal_id)) for customer in customers]


def decide(tenant: Tenant, deal_id: str, approve: bool, note: str | None, actor: str, client: Client) -> Deal:
    deal = get_deal(tenant, deal_id)
    if deal.state != "pending":
        raise AlreadyDecided(f"deal {deal_id} is {deal.state}")
    now = clock.now()
    state = "approved" if approve else "rejected"
    protected_until = now + timedelta(days=int(tenant.deal_protection_days or 90)) if approve else None
    changes = Changes(audit_event(tenant.tenant_id, actor, f"deal.{state}", f"deal:{deal_id}", client, note=note or ""))
    actions = [
        Deal.decided_at.set(now),
        Deal.decided_by.set(actor),
        Deal.decision_note.set(note) if note else Deal.decision_note.remove(),
    ]
    if protected_until is not None:  # from the pending queue to the daily job's list, by end of protection
        actions += [Deal.protected_until.set(protected_until), *deal.move_to(state, protected_until)]
    else:  # from the pending queue to the rejected list, newest decision first
        actions += deal.move_to(state, now)
    # PynamoDB adds the version check; the state check says why a loser lost.
    changes.update(deal, actions, label="deal", condition=Deal.state == "pending")
    if approve:
        news = f"Approved: your work with {deal.customer_name} is protected until {protected_until:%d %b %Y}."
    else:
        news = f"Not approved: {note}"
        for claim in claims_of(deal):  # the customer is free again: no later registration conflicts with this one
            changes.delete(claim, label=f"claim:{claim.SK}")
    tell_partner(
        changes,
        tenant,
        deal,
        f"Deal {'approved' if approve else 'not approved'}: {deal.title}",
        news,
        "deal_decided",
        approved=approve,
        note=note or "",
        protected_until=protected_until.date().isoformat() if protected_until else "",
    )
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise AlreadyDecided(f"deal {deal_id} was decided meanwhile") from failed
    return get_deal(tenant, deal_id)
