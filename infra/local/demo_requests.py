"""Demo pricing and credit requests: pending, approved and rejected, of both kinds, for both partners.

Written as the portal would have left them. The approved special price has its price entry, so
Acme's price list shows it; the approved credit limit leaves the account as the ERP sent it (the
ERP's figure is the one partners see, as after any approval the ERP has not caught up with yet).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from infra.local.demo_lookups import CANARIES, catalogue
from infra.local.seed import CONTACTS, TENANT_ID
from portside import clock
from portside.approvals.models import PricingRequest
from portside.lookups.models.catalogue import PriceEntry

GOLD, SILVER = 0.78, 0.86  # the demo tiers' discounts (``demo_lookups.TIER_DISCOUNT``)


@dataclass(frozen=True)
class DemoRequest:
    request_id: str
    requester: str  # a demo contact id
    kind: str
    state: str
    days_ago: int
    reason: str
    sku: str | None = None
    quantity: int | None = None
    share_of_list: float | None = None  # the asked price, as a share of the list price
    limit: int | None = None  # the asked credit limit, cents
    note: str | None = None
    granted_days: int | None = None  # an approved special price's days left
    more: dict[str, Any] = field(default_factory=dict)


REQUESTS = (
    DemoRequest(
        "demo-acme-rack-price",
        "acme-principal",
        "special_price",
        "pending",
        2,
        "Initech is comparing us with a direct offer; 40 units for their refresh.",
        sku="NW-SRV-1009",
        quantity=40,
        share_of_list=0.70,
    ),
    DemoRequest(
        "demo-acme-switch-price",
        "acme-principal",
        "special_price",
        "approved",
        20,
        "Hooli's branch roll-out: 30 switches this quarter.",
        sku="NW-NET-1002",
        quantity=30,
        share_of_list=0.72,
        note="Agreed for the roll-out.",
        granted_days=5,
    ),
    DemoRequest(
        "demo-acme-credit",
        "acme-principal",
        "credit_limit",
        "rejected",
        30,
        "Seasonal stock build-up before the holidays.",
        limit=150_000_000,
        note="Your balance is high: ask again once it is below $10,000.",
    ),
    DemoRequest(
        "demo-acme-credit-new",
        "acme-principal",
        "credit_limit",
        "pending",
        1,
        "Two large orders for Initech land next month.",
        limit=120_000_000,
    ),
    DemoRequest(
        "demo-globex-kiosk-price",
        "globex-principal",
        "special_price",
        "pending",
        4,
        "Massive Dynamic's kiosks: 100 docking stations.",
        sku="NW-ACC-1003",
        quantity=100,
        share_of_list=0.80,
    ),
    DemoRequest(
        "demo-globex-ssd-price",
        "globex-principal",
        "special_price",
        "rejected",
        15,
        "Matching a web shop's price.",
        sku="NW-STO-1003",
        quantity=10,
        share_of_list=0.60,
        note="Below our cost: we cannot match a web shop's clearance price.",
    ),
    DemoRequest(
        "demo-globex-credit",
        "globex-principal",
        "credit_limit",
        "approved",
        25,
        "New stores open in the spring.",
        limit=60_000_000,
        note="Approved for the new stores.",
    ),
)


def _prices() -> dict[str, tuple[str, int]]:
    return {sku: (name, list_price) for sku, name, _, list_price in catalogue()}


def seed_requests() -> None:
    now, today = clock.now(), clock.now().date()
    names = {demo.contact_id: demo.name for demo in CONTACTS}
    partners = {demo.contact_id: demo.partner_id for demo in CONTACTS}
    prices = _prices()
    for demo in REQUESTS:
        partner_id = partners[demo.requester]
        created = now - timedelta(days=demo.days_ago)
        request = PricingRequest.build(
            TENANT_ID,
            demo.request_id,
            partner_id,
            created,
            requester_id=demo.requester,
            requester_name=names[demo.requester],
            kind=demo.kind,
            state=demo.state,
            reason=demo.reason,
        )
        if demo.sku:
            name, list_price = prices[demo.sku]
            tier = GOLD if partner_id == "acme" else SILVER
            request.sku, request.product_name, request.quantity = demo.sku, name, demo.quantity
            request.list_price, request.price_then = list_price, round(list_price * tier * 0.95)
            request.requested_price = round(list_price * (demo.share_of_list or 1))
        else:
            request.requested_limit, request.limit_then = demo.limit, int(CANARIES["credit_limit"])
        if demo.state != "pending":
            request.decided_at, request.decided_by = created + timedelta(days=1), "admin:finance@northwind.example"
            request.decision_note = demo.note
            request.GSI2PK = request.GSI2SK = None
        if demo.state == "approved":
            _grant(request, today, now)
        request.save()


def _grant(request: PricingRequest, today: date, now: Any) -> None:
    """The approved request's terms, and for a special price its entry on the partner's price list."""
    if request.kind == "credit_limit":
        request.granted_limit = request.requested_limit
        return
    until = next(demo.granted_days for demo in REQUESTS if demo.request_id == request.request_id) or 0
    request.granted_price, request.granted_until = request.requested_price, (today + timedelta(days=until)).isoformat()
    entry = PriceEntry.build(
        TENANT_ID,
        f"partner:{request.partner_id}",
        request.sku or "",
        int(request.quantity or 1),
        (today - timedelta(days=19)).isoformat(),
        product_name=request.product_name,
        list_price=int(request.list_price or 0),
        price=int(request.granted_price or 0),
        valid_to=request.granted_until,
        granted_by=request.request_id,
        updated_at=now,
    )
    entry.save()
    request.price_entry_sk = entry.SK
    request.GSI2PK = PricingRequest.list_partition(TENANT_ID, "ending")
    request.GSI2SK = f"{request.granted_until}#{request.request_id}"
