"""Asking for a special price or a credit limit: one request per form, checked against what applies today.

- A request is keyed by the form it came from (``submission_id``), so posting a form twice asks once.
- What is asked is checked against what applies today: a special price must be below the
  partner's current price for that SKU and quantity (a SKU not on its price list is refused), a
  credit limit must differ from the current one. A related deal must be one of the partner's own,
  still open. A supporting file is checked by its content and kept as a document of its own.
- The request, its audit record and the mail to the tenant's finance admins and owners are one
  transaction. Nothing here changes a price or a credit limit: only finance's approval does
  (``decision``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from portside import clock
from portside.approvals.following import (
    KIND_LABELS,
    OPEN_DEALS,
    attachment_document,
    checked_attachment,
    find_request,
    price_said,
)
from portside.approvals.models import PricingRequest
from portside.audit import Client, audit_event
from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.changes import Changes
from portside.data.models.tenants import Tenant
from portside.deals.following import deal_for
from portside.deals.models import Deal
from portside.errors import InvalidInput, NotFound
from portside.lookups.models.catalogue import Account
from portside.lookups.prices import price_for, today_for
from portside.storage import documents as files
from portside.templating import money
from portside.web.submissions import commit_once, mail_admins, submission_item_id
from portside.web.tenants import cached_partner

_SUBMISSIONS = uuid.UUID("3d0e8b7a-4f3c-4a55-9d0b-5c2f1e7a9b64")  # namespace of submission-derived request ids
FINANCE = frozenset({"finance", "owner"})


@dataclass(frozen=True)
class SpecialPriceAsk:
    sku: str
    quantity: int
    price: int  # minor units
    deal_id: str | None
    valid_until: date | None
    reason: str


@dataclass(frozen=True)
class CreditLimitAsk:
    limit: int  # minor units
    reason: str
    attachment_key: str | None  # an upload in the partner's folder, from the page's upload form


def _new_request(
    tenant: Tenant, principal: PartnerPrincipal, request_id: str, kind: str, reason: str, **fields: Any
) -> PricingRequest:
    return PricingRequest.build(
        tenant.tenant_id,
        request_id,
        principal.partner_id,
        clock.now(),
        requester_id=principal.contact_id,
        requester_name=principal.name,
        kind=kind,
        reason=reason,
        **fields,
    )


def request_special_price(
    tenant: Tenant, principal: PartnerPrincipal, submission_id: str, ask: SpecialPriceAsk, client: Client
) -> PricingRequest:
    """The new request, or the one this very form already made."""
    request_id = submission_item_id(_SUBMISSIONS, tenant.tenant_id, principal.contact_id, submission_id)
    existing = find_request(tenant, request_id)
    if existing is not None:
        return existing
    current = price_for(tenant, principal.partner_id, ask.sku, ask.quantity, today_for(tenant))
    if current is None:
        raise InvalidInput({"sku": "That SKU is not on your price list. Copy it from your prices page."})
    if ask.price >= int(current.price):
        raise InvalidInput(
            {
                "requested_price": f"Your price for {ask.quantity:,} today is "
                f"{money(int(current.price), current.currency)}: ask for a lower one."
            }
        )
    deal = _open_deal(tenant, principal, ask.deal_id) if ask.deal_id else None
    request = _new_request(
        tenant,
        principal,
        request_id,
        "special_price",
        ask.reason,
        currency=current.currency,
        sku=current.sku,
        product_name=current.product_name,
        quantity=ask.quantity,
        requested_price=ask.price,
        price_then=int(current.price),
        list_price=int(current.list_price),
        deal_id=deal.deal_id if deal else None,
        deal_title=deal.title if deal else None,
        valid_until=ask.valid_until.isoformat() if ask.valid_until else None,
    )
    return _commit(
        tenant, principal, request, client, price_said(current.sku, ask.quantity, ask.price, current.currency)
    )


def request_credit_limit(
    tenant: Tenant, principal: PartnerPrincipal, submission_id: str, ask: CreditLimitAsk, client: Client
) -> PricingRequest:
    """The new request (its supporting file checked and kept), or the one this very form already made."""
    request_id = submission_item_id(_SUBMISSIONS, tenant.tenant_id, principal.contact_id, submission_id)
    existing = find_request(tenant, request_id)
    if existing is not None:
        return existing
    account = reads.get_or_none(Account, Account.keys_for(tenant.tenant_id, principal.partner_id))
    if account is None:
        raise InvalidInput({"requested_limit": "Your account is not set up yet: ask your contact at the company."})
    if ask.limit == int(account.credit_limit):
        raise InvalidInput({"requested_limit": f"Your credit limit is already {money(ask.limit, account.currency)}."})
    checked = checked_attachment(tenant, principal, ask.attachment_key)
    request = _new_request(
        tenant,
        principal,
        request_id,
        "credit_limit",
        ask.reason,
        currency=account.currency,
        requested_limit=ask.limit,
        limit_then=int(account.credit_limit),
    )
    kept = None
    if checked is not None:
        kept = files.publish(tenant.tenant_id, attachment_document(request_id), checked)
        request.attachment_key = files.document_key(tenant.tenant_id, attachment_document(request_id))
        request.attachment_name, request.attachment_type = checked.file_name, checked.content_type
        request.attachment_size = checked.size
    try:
        return _commit(tenant, principal, request, client, money(ask.limit, account.currency))
    except Exception:
        files.unpublish(tenant.tenant_id, attachment_document(request_id), kept)
        raise


def _open_deal(tenant: Tenant, principal: PartnerPrincipal, deal_id: str) -> Deal:
    try:
        deal = deal_for(tenant, principal, deal_id)
    except NotFound as missing:
        raise InvalidInput({"deal_id": "Choose one of your deals from the list, or none."}) from missing
    if deal.state not in OPEN_DEALS:
        raise InvalidInput({"deal_id": "That deal is no longer open: choose an open one, or none."})
    return deal


def _commit(
    tenant: Tenant, principal: PartnerPrincipal, request: PricingRequest, client: Client, asked: str
) -> PricingRequest:
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            principal.actor,
            "pricing_request.submitted",
            f"pricing_request:{request.request_id}",
            client,
            partner=principal.partner_id,
            kind=request.kind,
            asked=asked,
        )
    )
    changes.put(request, label="request", condition=PricingRequest.PK.does_not_exist())
    partner = cached_partner(tenant, principal.partner_id)
    mail_admins(
        changes,
        tenant,
        "pricing_request_submitted",
        f"pricing_request:{request.request_id}",
        roles=FINANCE,
        partner=partner.name if partner is not None else principal.partner_id,
        kind=KIND_LABELS[request.kind],
        asked=asked,
        requester=principal.name,
        review_url=f"{tenant.base_url.rstrip('/')}/admin/approvals/{request.request_id}",
    )
    return commit_once(changes, "request", lambda: find_request(tenant, request.request_id)) or request
