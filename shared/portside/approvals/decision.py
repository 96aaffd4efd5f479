"""Pricing and credit requests, as finance decides them (what finance reads first is ``review``).

A decision is the only thing in the portal that changes a price or a credit limit (besides the
ERP's imports). It is one conditional transaction from ``pending`` with the request's version:
the request's state, the applied change (a partner price entry, or the account's new limit, each
conditioned on being as read), the audit record, the partner's dashboard update and the mail to
the requester and the partner's principals. Of two finance admins deciding at once, one lands and
the other is told so.

Four eyes: beyond the tenant's thresholds (a price that far below the list price, a credit limit
moved that much), the first approval only records itself and the terms it grants; a second,
different finance admin's approval applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from portside import clock
from portside.approvals.asking import FINANCE
from portside.approvals.following import KIND_LABELS, get_request, int_or_none, price_said
from portside.approvals.models import PricingRequest
from portside.approvals.review import Terms, needs_second_approval
from portside.audit import Client, audit_event
from portside.dashboard.updates import partner_update
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.errors import Conflict, InvalidInput
from portside.lookups.models.catalogue import Account, PriceEntry
from portside.lookups.prices import price_for, today_for
from portside.mail.outbox import outbox_mail
from portside.partners.directory import principals_and
from portside.templating import money
from portside.web.submissions import admin_addresses
from portside.web.tenants import cached_partner, mail_brand


class AlreadyDecided(Conflict):
    public_message = "This request was already decided or withdrawn, by someone else or a moment ago."


class ChangedMeanwhile(Conflict):
    public_message = "This request changed while you read it (a first approval, say). Read it again and decide."


class AppliedChangedMeanwhile(Conflict):
    public_message = "The partner's prices or account changed while you decided (an ERP import, say). Read again."


class SameApprover(Conflict):
    public_message = "You gave the first approval: a different finance admin must give the second."


@dataclass(frozen=True)
class Decision:
    approve: bool
    price: int | None  # a different unit price to grant (None: what was asked)
    limit: int | None  # a different credit limit to grant (None: what was asked)
    until: date | None  # the special price's last day (None: what was asked)
    note: str | None


def decide(tenant: Tenant, request_id: str, version: int, decision: Decision, actor: str, client: Client) -> str:
    """Record the decision; returns "approved", "first_approval" (a second is needed) or "rejected"."""
    request = get_request(tenant, request_id)
    if request.state != "pending":
        raise AlreadyDecided(f"pricing request {request_id} is {request.state}")
    if request.version != version:
        raise ChangedMeanwhile(f"pricing request {request_id} is at version {request.version}, the form at {version}")
    if not decision.approve:
        outcome, changes = "rejected", _reject(tenant, request, decision.note or "", actor, client)
    elif request.first_approved_by == actor:
        raise SameApprover(f"{actor} approved pricing request {request_id} first")
    elif request.first_approved_by is not None:  # the second approval applies the first one's terms
        terms = Terms(int_or_none(request.granted_price), int_or_none(request.granted_limit), request.granted_until)
        outcome, changes = "approved", _apply(tenant, request, terms, decision.note, actor, client)
    else:
        terms, account = _terms(tenant, request, decision)
        current_limit = int(account.credit_limit) if account is not None else None
        if needs_second_approval(tenant, request, terms, current_limit):
            outcome, changes = "first_approval", _first_approval(tenant, request, terms, actor, client)
        else:
            outcome, changes = "approved", _apply(tenant, request, terms, decision.note, actor, client, account)
    try:
        changes.commit()
    except ConditionFailed as failed:
        if "request" not in failed.labels:
            raise AppliedChangedMeanwhile(f"prices or account of pricing request {request_id} changed") from failed
        if get_request(tenant, request_id).state != "pending":
            raise AlreadyDecided(f"pricing request {request_id} was decided meanwhile") from failed
        raise ChangedMeanwhile(f"pricing request {request_id} changed meanwhile") from failed
    return outcome


def _account(tenant: Tenant, request: PricingRequest) -> Account:
    account = reads.get_or_none(Account, Account.keys_for(tenant.tenant_id, request.partner_id), consistent=True)
    if account is None:
        raise InvalidInput({"granted_limit": "The partner has no account yet: reject, or wait for the ERP's."})
    return account


def _terms(tenant: Tenant, request: PricingRequest, decision: Decision) -> tuple[Terms, Account | None]:
    """The terms to grant (what was asked, unless finance grants otherwise), checked against today's; and the
    account they were checked against (for a credit limit)."""
    if request.kind == "special_price":
        price = decision.price or int(request.requested_price or 0)
        current = price_for(
            tenant, request.partner_id, request.sku or "", int(request.quantity or 1), today_for(tenant)
        )
        if current is None:
            raise InvalidInput({"granted_price": "This SKU is no longer on the partner's price list: reject instead."})
        if price >= int(current.price):
            raise InvalidInput(
                {
                    "granted_price": "Grant less than the partner's price today, "
                    f"{money(int(current.price), current.currency)}."
                }
            )
        until = decision.until.isoformat() if decision.until else request.valid_until
        if until is not None and until <= today_for(tenant):
            raise InvalidInput({"granted_until": "The asked end has passed: choose a later last day, or none."})
        return Terms(price, None, until), None
    account = _account(tenant, request)
    limit = decision.limit or int(request.requested_limit or 0)
    if limit == int(account.credit_limit):
        raise InvalidInput({"granted_limit": "That is the partner's credit limit already."})
    return Terms(None, limit, None), account


def _from_pending(changes: Changes, request: PricingRequest, actions: list[Any]) -> None:
    # PynamoDB adds the version check; the state check says why a loser lost.
    changes.update(request, actions, label="request", condition=PricingRequest.state == "pending")


def _first_approval(tenant: Tenant, request: PricingRequest, terms: Terms, actor: str, client: Client) -> Changes:
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "pricing_request.first_approved",
            f"pricing_request:{request.request_id}",
            client,
            **_terms_said(terms),
        )
    )
    actions = [
        PricingRequest.first_approved_by.set(actor),
        PricingRequest.first_approved_at.set(clock.now()),
        *_granted(terms),
    ]
    _from_pending(changes, request, actions)
    _ask_second_approver(changes, tenant, request, terms, actor)
    return changes


def _ask_second_approver(changes: Changes, tenant: Tenant, request: PricingRequest, terms: Terms, actor: str) -> None:
    """Mail the finance admins who may give the second approval (everyone but the first), with the first."""
    others = [address for address in admin_addresses(tenant.tenant_id, FINANCE) if f"admin:{address}" != actor]
    if not others:
        return
    partner = cached_partner(tenant, request.partner_id)
    changes.put(
        outbox_mail(
            tenant.tenant_id,
            others,
            "pricing_request_second_approval",
            about=f"pricing_request:{request.request_id}",
            brand=mail_brand(tenant, None),
            partner=partner.name if partner is not None else request.partner_id,
            kind=KIND_LABELS[request.kind],
            granted=_granted_said(request, terms),
            first=actor.removeprefix("admin:"),
            review_url=f"{tenant.base_url.rstrip('/')}/admin/approvals/{request.request_id}",
        ),
        label="mail",
    )


def _granted_said(request: PricingRequest, terms: Terms) -> str:
    """What the terms grant, in words: "25 of NW-SRV-1001 at $260.00 each until 2027-03-31"."""
    if request.kind == "special_price":
        said = price_said(request.sku or "", int(request.quantity or 1), int(terms.price or 0), request.currency)
        return said + (f" until {terms.until}" if terms.until else "")
    return f"a credit limit of {money(terms.limit or 0, request.currency)}"


def _granted(terms: Terms) -> list[Any]:
    return [
        PricingRequest.granted_price.set(terms.price)
        if terms.price is not None
        else PricingRequest.granted_price.remove(),
        PricingRequest.granted_limit.set(terms.limit)
        if terms.limit is not None
        else PricingRequest.granted_limit.remove(),
        PricingRequest.granted_until.set(terms.until) if terms.until else PricingRequest.granted_until.remove(),
    ]


def _terms_said(terms: Terms) -> dict[str, str]:
    said = {"price": terms.price, "limit": terms.limit, "until": terms.until}
    return {name: str(value) for name, value in said.items() if value is not None}


def _apply(
    tenant: Tenant,
    request: PricingRequest,
    terms: Terms,
    note: str | None,
    actor: str,
    client: Client,
    account: Account | None = None,
) -> Changes:
    """Approve: the request, the change it grants (conditioned on the prices or account being as read), the news.

    ``account``: the partner's account as the terms were checked against (a second approval reads it here)."""
    now = clock.now()
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "pricing_request.approved",
            f"pricing_request:{request.request_id}",
            client,
            partner=request.partner_id,
            **_terms_said(terms),
        )
    )
    actions = [
        PricingRequest.state.set("approved"),
        PricingRequest.decided_at.set(now),
        PricingRequest.decided_by.set(actor),
        PricingRequest.decision_note.set(note) if note else PricingRequest.decision_note.remove(),
        *_granted(terms),
    ]
    if request.kind == "special_price":
        entry = _special_price(tenant, request, terms)
        existing = reads.get_or_none(PriceEntry, (entry.PK, entry.SK), consistent=True)
        same = PriceEntry.PK.does_not_exist() if existing is None else PriceEntry.updated_at == existing.updated_at
        changes.put(entry, label="price", condition=same)
        # A special price with a last day waits in the daily job's list until it ends.
        actions += [
            PricingRequest.price_entry_sk.set(entry.SK),
            *request.listed_in("ending" if terms.until else None, terms.until or ""),
        ]
    else:
        _credit_limit(changes, account or _account(tenant, request), int(terms.limit or 0))
        actions += request.listed_in(None, "")
    _from_pending(changes, request, actions)
    granted = _granted_said(request, terms)
    tell_partner(changes, tenant, request, "Approved", f"Granted: {granted}.", approved=True, granted=granted)
    return changes


def _special_price(tenant: Tenant, request: PricingRequest, terms: Terms) -> PriceEntry:
    """The partner's own price entry the approval writes, from the partner's today for the asked quantity."""
    return PriceEntry.build(
        tenant.tenant_id,
        f"partner:{request.partner_id}",
        request.sku or "",
        int(request.quantity or 1),
        today_for(tenant),
        product_name=request.product_name,
        list_price=int(request.list_price or 0),
        price=int(terms.price or 0),
        currency=request.currency,
        valid_to=terms.until,
        granted_by=request.request_id,
        updated_at=clock.now(),
    )


def _credit_limit(changes: Changes, account: Account, limit: int) -> None:
    changes.update(
        account,
        [Account.credit_limit.set(limit), Account.updated_at.set(clock.now())],
        label="account",
        condition=(Account.credit_limit == int(account.credit_limit)) & (Account.updated_at == account.updated_at),
    )


def _reject(tenant: Tenant, request: PricingRequest, note: str, actor: str, client: Client) -> Changes:
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "pricing_request.rejected",
            f"pricing_request:{request.request_id}",
            client,
            note=note,
        )
    )
    actions = [
        PricingRequest.state.set("rejected"),
        PricingRequest.decided_at.set(clock.now()),
        PricingRequest.decided_by.set(actor),
        PricingRequest.decision_note.set(note),
    ]
    _from_pending(changes, request, [*actions, *request.listed_in(None, "")])
    tell_partner(changes, tenant, request, "Not approved", f"Not approved: {note}", approved=False, note=note)
    return changes


def tell_partner(
    changes: Changes, tenant: Tenant, request: PricingRequest, headline: str, message: str, **mail: Any
) -> None:
    """Add to ``changes`` the principal's dashboard update and the mail to the requester and principals."""
    link = f"/partners/requests/{request.request_id}"
    what = KIND_LABELS.get(request.kind, request.kind).lower()
    title = f"{headline}: your {what} request" + (f" for {request.sku}" if request.sku else "")
    changes.put(
        partner_update(
            tenant.tenant_id, request.partner_id, "pricing_requests", title, message, link, request.requester_id
        ),
        label="update",
    )
    recipients = principals_and(tenant, request.partner_id, request.requester_id)
    if recipients:
        changes.put(
            outbox_mail(
                tenant.tenant_id,
                recipients,
                mail.pop("template", "pricing_request_decided"),
                about=f"pricing_request:{request.request_id}",
                title=title,
                kind=KIND_LABELS.get(request.kind, request.kind),
                request_url=f"{tenant.base_url.rstrip('/')}{link}",
                brand=mail_brand(tenant, request.partner_id),
                **mail,
            ),
            label="mail",
        )
