"""The demo ERP data: a catalogue of a few hundred products, tier and partner prices, both partners' orders
in every status over the last months, and their accounts. Deterministic: the same data every time.

Every killed field of every item holds a canary (``CANARIES``): the kill-list test requests every
partner page and fails if any canary appears in an answer.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, timedelta
from functools import cache

from infra.local.seed import PARTNERS, TENANT_ID
from portside import clock
from portside.lookups import freshness
from portside.lookups.models.catalogue import Account, PriceEntry, Product
from portside.lookups.models.orders import (
    ORDER_STATUSES,
    Order,
    OrderChangeEntry,
    OrderChanges,
    OrderEvent,
    OrderLine,
    OrderReference,
)

# A canary per killed field: text fields carry a token no real data has; numbers, amounts no real data has.
CANARY_MARK = "7Q3X-CANARY"
CANARIES: dict[str, str | int] = {
    "unit_cost": 73_197_319,
    "margin": 71_993_171,
    "cost_price": 79_317_931,
    "credit_limit": 97_531_357,  # shown to the partner's principal, to no one else
    "supplier": f"Supplier {CANARY_MARK}",
    "supplier_sku": f"SSKU-{CANARY_MARK}",
    "internal_notes": f"Internal note {CANARY_MARK}",
}
CATEGORIES = {
    "SRV": ("Servers", ("Rack server", "Tower server", "Blade server", "Edge server")),
    "STO": ("Storage", ("NAS array", "SAN shelf", "SSD module", "Tape drive")),
    "NET": ("Network", ("Switch", "Router", "Access point", "Firewall")),
    "LAP": ("Laptops", ("Business laptop", "Rugged laptop", "Ultrabook", "Workstation laptop")),
    "ACC": ("Accessories", ("Docking station", "Monitor", "Keyboard", "Headset")),
}
TIER_DISCOUNT = {"gold": 0.78, "silver": 0.86}
ACME_OWN_PRICES = ("NW-SRV-1001", "NW-NET-1004", "NW-LAP-1010")
# The demo's walk-through (docs/demo.md): sales@acme.example finds SO-10042 by its PO number.
SO_10042 = ("SO-10042", "ACME-PO-7731")


@cache
def catalogue() -> tuple[tuple[str, str, str, int], ...]:
    """``(sku, name, category, list price in cents)`` for 300 products (made once: every order draws from it)."""
    products = []
    for prefix, (category, kinds) in CATEGORIES.items():
        for number in range(60):
            kind = kinds[number % len(kinds)]
            sku = f"NW-{prefix}-{1001 + number}"
            products.append(
                (sku, f"{kind} {prefix[0]}{100 + number * 7}", category, 4_900 + (number * 7_919) % 480_000)
            )
    return tuple(products)


def seed_catalogue(today: date, at: datetime) -> None:
    chance = random.Random(7)  # noqa: S311 -- demo data, the same every time; nothing secret
    with Product.batch_write() as batch:
        for sku, name, category, _ in catalogue():
            available = chance.choice((0, 0, 3, 8, 25, 60, 140, 400))
            incoming = None if available > 10 else (today + timedelta(days=chance.randint(3, 40))).isoformat()
            batch.save(
                Product.build(
                    TENANT_ID,
                    sku,
                    name,
                    category=category,
                    available=available,
                    next_delivery_on=incoming,
                    next_delivery_quantity=chance.choice((20, 50, 100)) if incoming else None,
                    cost_price=CANARIES["cost_price"],
                    supplier=CANARIES["supplier"],
                    supplier_sku=CANARIES["supplier_sku"],
                    updated_at=at,
                )
            )


def seed_prices(today: date, at: datetime) -> None:
    valid_from = (today - timedelta(days=60)).isoformat()
    with PriceEntry.batch_write() as batch:
        for sku, name, _, list_price in catalogue():
            for tier, factor in TIER_DISCOUNT.items():
                for min_quantity, extra in ((1, 1.0), (10, 0.95)):
                    batch.save(
                        PriceEntry.build(
                            TENANT_ID,
                            f"tier:{tier}",
                            sku,
                            min_quantity,
                            valid_from,
                            product_name=name,
                            list_price=list_price,
                            price=round(list_price * factor * extra),
                            updated_at=at,
                        )
                    )
        prices = {sku: (name, list_price) for sku, name, _, list_price in catalogue()}
        for sku in ACME_OWN_PRICES:
            name, list_price = prices[sku]
            batch.save(
                PriceEntry.build(
                    TENANT_ID,
                    "partner:acme",
                    sku,
                    1,
                    valid_from,
                    product_name=name,
                    list_price=list_price,
                    price=round(list_price * 0.7),
                    valid_to=(today + timedelta(days=90)).isoformat(),
                    updated_at=at,
                )
            )


def _order(
    partner_id: str, number: str, po: str, status: str, placed: date, at: datetime, chance: random.Random
) -> Order:
    products = catalogue()
    lines = []
    for _ in range(chance.randint(1, 4)):
        sku, name, _, list_price = chance.choice(products)
        quantity = chance.randint(1, 20)
        unit_price = round(list_price * TIER_DISCOUNT["gold" if partner_id == "acme" else "silver"])
        lines.append(
            OrderLine(
                sku=sku,
                description=name,
                quantity=quantity,
                unit_price=unit_price,
                line_total=unit_price * quantity,
                unit_cost=CANARIES["unit_cost"],
                margin=CANARIES["margin"],
                supplier=CANARIES["supplier"],
            )
        )
    shipped = status in ("shipped", "delivered")
    history = [OrderEvent(at=datetime.combine(placed, datetime.min.time(), at.tzinfo), what="Received")]
    if status != "received":
        history.append(OrderEvent(at=history[0].at + timedelta(hours=5), what=status.capitalize()))
    eta = None if status in ("delivered", "cancelled") else (placed + timedelta(days=chance.randint(5, 25))).isoformat()
    return Order.build(
        TENANT_ID,
        partner_id,
        number,
        po_number=po,
        status=status,
        placed_on=placed.isoformat(),
        eta=eta,
        carrier=chance.choice(("UPS", "FedEx", "DHL")) if shipped else None,
        tracking_number=f"1Z{chance.randint(10**9, 10**10 - 1)}" if shipped else None,
        lines=lines,
        total=sum(int(line.line_total) for line in lines),
        internal_notes=CANARIES["internal_notes"],
        history=history,
        updated_at=at,
    )


def seed_orders(today: date, at: datetime) -> None:
    chance = random.Random(42)  # noqa: S311 -- demo data, the same every time; nothing secret
    changes: dict[str, list[OrderChangeEntry]] = defaultdict(list)
    with Order.batch_write() as batch:
        for base, partner_id in zip((10000, 20000), PARTNERS, strict=True):
            for index in range(36):
                number = base + index + 1
                placed = today - timedelta(days=3 + index * 4)
                status = ORDER_STATUSES[index % len(ORDER_STATUSES)]
                order_number, po = f"SO-{number}", f"{partner_id.upper()}-PO-{7000 + index * 13}"
                if partner_id == "acme" and index == 20:  # on its way: shipped last week, due in a few days
                    order_number, po, status, placed = (*SO_10042, "shipped", today - timedelta(days=6))
                order = _order(partner_id, order_number, po, status, placed, at, chance)
                batch.save(order)
                for reference in OrderReference.all_of(TENANT_ID, order):
                    batch.save(reference)
                if status == "shipped" and index < 12:
                    shipped = OrderChangeEntry(order_number=order_number, what="Shipped", at=at - timedelta(days=index))
                    changes[partner_id].append(shipped)
        for partner_id, latest in changes.items():
            batch.save(OrderChanges.build_latest(TENANT_ID, partner_id, latest, at))


def seed_accounts(at: datetime) -> None:
    for partner_id, balance in (("acme", 1_284_000), ("globex", 310_500)):
        Account.build(
            TENANT_ID,
            partner_id,
            credit_limit=CANARIES["credit_limit"],
            balance=balance,
            payment_terms="30 days net",
            updated_at=at,
        ).save()


def seed_lookups() -> None:
    """The whole demo ERP data set, marked as arrived now."""
    at = clock.now()
    today = at.date()
    seed_catalogue(today, at)
    seed_prices(today, at)
    seed_orders(today, at)
    seed_accounts(at)
    freshness.mark_updated(TENANT_ID, freshness.KINDS, at)
