"""What a partner page may show of orders, stock, prices and accounts: views that cannot carry killed fields.

Partner pages, CSV exports and their templates get these views, never the stored items: a field on
the kill list (unit cost, margin, supplier, supplier SKU, cost price, internal notes) has no place in
them, so no template or export can leak it by mistake. A unit test holds every view's fields
against the matrix's kill list, and the canary test scans every partner response.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote

from portside.lookups.models.catalogue import Account, PriceEntry, Product
from portside.lookups.models.orders import Order, OrderSummary

LOW_STOCK = 10  # at or under this many available, a product is "Low stock"
STATUS_LABELS = {
    "received": "Received",
    "confirmed": "Confirmed",
    "picking": "Being picked",
    "backordered": "Backordered",
    "shipped": "Shipped",
    "delivered": "Delivered",
    "cancelled": "Cancelled",
}
# Carriers' public tracking pages; ``{}`` takes the tracking number. An unknown carrier gets no link.
CARRIER_TRACKING = {
    "ups": "https://www.ups.com/track?tracknum={}",
    "fedex": "https://www.fedex.com/fedextrack/?trknbr={}",
    "dhl": "https://www.dhl.com/en/express/tracking.html?AWB={}",
    "usps": "https://tools.usps.com/go/TrackConfirmAction?tLabels={}",
}


def tracking_url(carrier: str | None, tracking_number: str | None) -> str | None:
    template = CARRIER_TRACKING.get((carrier or "").strip().casefold())
    return template.format(quote(tracking_number, safe="")) if template and tracking_number else None


@dataclass(frozen=True)
class OrderLineView:
    sku: str
    description: str
    quantity: int
    unit_price: int
    line_total: int


@dataclass(frozen=True)
class OrderEventView:
    at: datetime
    what: str


@dataclass(frozen=True)
class OrderRow:
    """An order as a list shows it: from the order, or from the summary a search reads on its reference."""

    order_number: str
    po_number: str | None
    status: str
    status_label: str
    placed_on: str
    eta: str | None
    currency: str
    total: int

    @classmethod
    def of(cls, order: Order) -> OrderRow:
        return cls.listed(order.order_number, order)

    @classmethod
    def listed(cls, order_number: str, shown: Order | OrderSummary) -> OrderRow:
        return cls(
            order_number=order_number,
            po_number=shown.po_number,
            status=shown.status,
            status_label=STATUS_LABELS.get(shown.status, shown.status),
            placed_on=shown.placed_on,
            eta=shown.eta,
            currency=shown.currency,
            total=int(shown.total),
        )


@dataclass(frozen=True)
class OrderView:
    order_number: str
    po_number: str | None
    status: str
    status_label: str
    is_open: bool
    placed_on: str
    eta: str | None
    carrier: str | None
    tracking_number: str | None
    tracking_url: str | None
    currency: str
    total: int
    lines: tuple[OrderLineView, ...]
    history: tuple[OrderEventView, ...]

    @classmethod
    def of(cls, order: Order) -> OrderView:
        return cls(
            order_number=order.order_number,
            po_number=order.po_number,
            status=order.status,
            status_label=STATUS_LABELS.get(order.status, order.status),
            is_open=order.is_open,
            placed_on=order.placed_on,
            eta=order.eta,
            carrier=order.carrier,
            tracking_number=order.tracking_number,
            tracking_url=tracking_url(order.carrier, order.tracking_number),
            currency=order.currency,
            total=int(order.total),
            lines=tuple(
                OrderLineView(
                    line.sku, line.description, int(line.quantity), int(line.unit_price), int(line.line_total)
                )
                for line in order.lines or []
            ),
            history=tuple(
                OrderEventView(event.at, event.what)
                for event in sorted(order.history or [], key=lambda event: event.at, reverse=True)
            ),
        )


def availability(available: int, next_delivery_on: str | None) -> str:
    """Stock in words: "In stock", "Low stock", "Out of stock — next delivery 2 Dec"."""
    if available > LOW_STOCK:
        return "In stock"
    if available > 0:
        return "Low stock"
    if next_delivery_on:
        when = date.fromisoformat(next_delivery_on)
        return f"Out of stock — next delivery {when.day} {when:%b}"
    return "Out of stock"


@dataclass(frozen=True)
class ProductView:
    sku: str
    name: str
    category: str | None
    availability: str
    available: int | None  # only where the tenant shows exact quantities
    next_delivery_on: str | None
    next_delivery_quantity: int | None

    @classmethod
    def of(cls, product: Product, exact: bool) -> ProductView:
        available = int(product.available)
        incoming = product.next_delivery_quantity
        return cls(
            sku=product.sku,
            name=product.name,
            category=product.category,
            availability=availability(available, product.next_delivery_on),
            available=available if exact else None,
            next_delivery_on=product.next_delivery_on,
            next_delivery_quantity=int(incoming) if exact and incoming is not None else None,
        )


@dataclass(frozen=True)
class PriceView:
    sku: str
    product_name: str
    list_price: int
    price: int
    currency: str
    min_quantity: int
    valid_to: str | None
    partner_price: bool  # the partner's own price, not its tier's

    @classmethod
    def of(cls, entry: PriceEntry) -> PriceView:
        return cls(
            sku=entry.sku,
            product_name=entry.product_name or "",
            list_price=int(entry.list_price),
            price=int(entry.price),
            currency=entry.currency,
            min_quantity=int(entry.min_quantity),
            valid_to=entry.valid_to,
            partner_price=entry.scope.startswith("partner:"),
        )


@dataclass(frozen=True)
class AccountView:
    """For the partner's principal only: the credit limit is on the kill list for every other role."""

    credit_limit: int
    balance: int
    available_credit: int
    currency: str
    payment_terms: str | None

    @classmethod
    def of(cls, account: Account) -> AccountView:
        limit, balance = int(account.credit_limit), int(account.balance)
        return cls(limit, balance, max(limit - balance, 0), account.currency, account.payment_terms)


PARTNER_VIEWS = (OrderView, OrderLineView, OrderEventView, ProductView, PriceView, AccountView)
