"""Pricing and credit requests, as a partner's principal follows them: list, show, withdraw.

Making one is ``asking``; deciding one is ``decision``. Partners see a
``RequestView``: never who in finance decided, nor where a supporting file is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from portside import clock
from portside.approvals.models import PricingRequest
from portside.audit import Client, audit_event
from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.deals.following import deals_for
from portside.deals.models import Deal
from portside.errors import Conflict, InvalidInput, NotFound
from portside.storage import documents as files
from portside.templating import money

PAGE_SIZE = 20
DEAL_CHOICES = 50
OPEN_DEALS = ("pending", "approved")
KIND_LABELS = {"special_price": "Special price", "credit_limit": "Credit limit"}
STATE_LABELS = {
    "pending": "Waiting for finance",
    "approved": "Approved",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "expired": "Ended",
}
ATTACHMENT_TYPES_SAID = "a PDF, Office document, CSV, plain text, PNG or JPEG file"
ATTACHMENT_TYPES = tuple(t for t in files.ALLOWED_TYPES if t != "application/zip")


def int_or_none(value: object) -> int | None:
    """A stored number (PynamoDB reads them as floats) as an int, or None."""
    return None if value is None else int(value)  # type: ignore[call-overload]


@dataclass(frozen=True)
class RequestView:
    """What a partner sees of its request: never who in finance decided, nor where its file is kept."""

    request_id: str
    kind: str
    kind_label: str
    state: str
    state_label: str
    requester_name: str
    created_at: datetime
    reason: str
    currency: str
    sku: str | None
    product_name: str | None
    quantity: int | None
    requested_price: int | None
    price_then: int | None
    deal_title: str | None
    valid_until: str | None
    requested_limit: int | None
    limit_then: int | None
    attachment_name: str | None
    granted_price: int | None
    granted_limit: int | None
    granted_until: str | None
    decided_at: datetime | None
    decision_note: str | None

    @classmethod
    def of(cls, request: PricingRequest) -> RequestView:
        return cls(
            request_id=request.request_id,
            kind=request.kind,
            kind_label=KIND_LABELS.get(request.kind, request.kind),
            state=request.state,
            state_label=STATE_LABELS.get(request.state, request.state),
            requester_name=request.requester_name,
            created_at=request.created_at,
            reason=request.reason,
            currency=request.currency,
            sku=request.sku,
            product_name=request.product_name,
            quantity=int_or_none(request.quantity),
            requested_price=int_or_none(request.requested_price),
            price_then=int_or_none(request.price_then),
            deal_title=request.deal_title,
            valid_until=request.valid_until,
            requested_limit=int_or_none(request.requested_limit),
            limit_then=int_or_none(request.limit_then),
            attachment_name=request.attachment_name,
            granted_price=int_or_none(request.granted_price),
            granted_limit=int_or_none(request.granted_limit),
            granted_until=request.granted_until,
            decided_at=request.decided_at,
            decision_note=request.decision_note,
        )


def open_deals(tenant: Tenant, principal: PartnerPrincipal) -> list[Deal]:
    """The partner's newest deals still open (pending or approved), to relate a special price to: one Query."""
    return [deal for deal in deals_for(tenant, principal, None, limit=DEAL_CHOICES).items if deal.state in OPEN_DEALS]


def price_said(sku: str, quantity: int, price: int, currency: str) -> str:
    """ "200 of NW-ROUTER-X at 80.00 USD each", for audit records, mails and updates."""
    return f"{quantity:,} of {sku} at {money(price, currency)} each"


def attachment_folder(partner_id: str) -> str:
    """Where a partner's supporting files wait between the upload and the request."""
    return f"requests/{partner_id}"


def find_request(tenant: Tenant, request_id: str) -> PricingRequest | None:
    return reads.get_or_none(PricingRequest, PricingRequest.keys_for(tenant.tenant_id, request_id), consistent=True)


def attachment_document(request_id: str) -> str:
    """A request's supporting file is kept as a document of its own (``documents/<tenant>/request-<id>``)."""
    return f"request-{request_id}"


def checked_attachment(tenant: Tenant, principal: PartnerPrincipal, key: str | None) -> files.CheckedUpload | None:
    if key is None:
        return None
    try:
        upload = files.upload_of(tenant.tenant_id, attachment_folder(principal.partner_id), key)
        return files.check_upload(upload, ATTACHMENT_TYPES, ATTACHMENT_TYPES_SAID)
    except InvalidInput as refused:
        raise InvalidInput({"attachment": refused.errors["file"]}) from refused


def attachment_link(tenant: Tenant, request_id: str, actor: str, client: Client) -> str:
    """An admin's download of a request's supporting file: audited first, then a one-minute link to it."""
    asked = get_request(tenant, request_id)
    record_attachment_download(tenant, asked, actor, client)
    name, content_type = asked.attachment_name or "file", asked.attachment_type or "application/octet-stream"
    return files.download_url(tenant.tenant_id, attachment_document(asked.request_id), None, name, content_type)


def record_attachment_download(tenant: Tenant, request: PricingRequest, actor: str, client: Client) -> None:
    """Audit an admin's download of a request's supporting file, before its one-minute link is made."""
    if request.attachment_key is None:
        raise NotFound(f"attachment of pricing request {request.request_id}")
    Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "pricing_request.file_downloaded",
            f"pricing_request:{request.request_id}",
            client,
            file=request.attachment_name or "",
        )
    ).commit()


def partner_requests(
    tenant: Tenant, partner_id: str, cursor: str | None, state: str | None = None
) -> Page[PricingRequest]:
    """The partner's requests, newest first, in one state or all: one Query (the state a filter on it, so a page
    may show fewer and still have a next one)."""
    partition = PricingRequest.partner_partition(tenant.tenant_id, partner_id)
    in_state = PricingRequest.state == state if state in STATE_LABELS else None
    return query_page(
        PricingRequest,
        partition,
        index="GSI1",
        limit=PAGE_SIZE,
        cursor=cursor,
        newest_first=True,
        filter_condition=in_state,
    )


def get_request(tenant: Tenant, request_id: str, partner_id: str | None = None) -> PricingRequest:
    """A request by id; with ``partner_id``, only that partner's (any other is not found)."""
    request = find_request(tenant, request_id[:64])
    if request is None or (partner_id is not None and request.partner_id != partner_id):
        raise NotFound(f"pricing request {request_id}")
    return request


class NotPending(Conflict):
    public_message = "This request was already decided or withdrawn. The page shows where it stands."


def withdraw(tenant: Tenant, principal: PartnerPrincipal, request_id: str, client: Client) -> PricingRequest:
    """Withdraw a pending request of the principal's partner: only from pending, only once."""
    request = get_request(tenant, request_id, principal.partner_id)
    if request.state != "pending":
        raise NotPending(f"pricing request {request_id} is {request.state}")
    changes = Changes(
        audit_event(
            tenant.tenant_id, principal.actor, "pricing_request.withdrawn", f"pricing_request:{request_id}", client
        )
    )
    actions = [PricingRequest.state.set("withdrawn"), PricingRequest.decided_at.set(clock.now())]
    changes.update(
        request, [*actions, *request.listed_in(None, "")], label="request", condition=PricingRequest.state == "pending"
    )
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise NotPending(f"pricing request {request_id} was decided meanwhile") from failed
    return get_request(tenant, request_id)
