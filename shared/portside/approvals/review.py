"""What finance reads to decide a pricing or credit request: the queue, and the context of one request.

The context is for admins only: a special price beside the list price, the partner's price today,
the unit cost and the margins; a credit limit beside the account's balance and terms and the
partner's order volume. ``needs_second_approval`` applies the tenant's four-eyes thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from portside import clock
from portside.approvals.following import get_request, int_or_none
from portside.approvals.models import PricingRequest
from portside.data import reads
from portside.data.models.tenants import Tenant
from portside.data.pages import query_page
from portside.lookups.models.catalogue import Account, PriceEntry, Product
from portside.lookups.models.orders import Order
from portside.lookups.prices import price_for, today_for
from portside.partners.directory import partner_names

QUEUE_PAGE = 25
RECENT_ORDERS = 50  # how far back the context looks for the SKU's orders
VOLUME_DAYS = 90


@dataclass(frozen=True)
class QueueView:
    requests: list[PricingRequest]
    cursor: str | None
    partner_names: dict[str, str]


def pending_queue(tenant: Tenant, cursor: str | None) -> QueueView:
    """Pending requests, oldest first: one Query of the queue's index (and one BatchGet of partner names)."""
    page = query_page(
        PricingRequest,
        PricingRequest.list_partition(tenant.tenant_id, "pending"),
        index="GSI2",
        limit=QUEUE_PAGE,
        cursor=cursor,
    )
    return QueueView(page.items, page.cursor, partner_names(tenant, {r.partner_id for r in page.items}))


def pending_count(tenant: Tenant, limit: int) -> int:
    """How many requests wait, up to ``limit``: one Query."""
    partition = PricingRequest.list_partition(tenant.tenant_id, "pending")
    return reads.count_up_to(partition, None, index="GSI2", cap=limit)


@dataclass(frozen=True)
class OrderedLine:
    order_number: str
    placed_on: str
    quantity: int
    unit_price: int


@dataclass(frozen=True)
class PriceContext:
    """What a special price decision needs: the prices today, the cost and the margins (admins only)."""

    current: PriceEntry | None  # the partner's price for the quantity today
    cost: int | None  # the product's unit cost, minor units
    recent_orders: list[OrderedLine]

    def margin(self, price: int | None) -> float | None:
        """The margin at ``price`` as a share of it (None: no cost known)."""
        if price is None or self.cost is None or price <= 0:
            return None
        return (price - self.cost) / price


@dataclass(frozen=True)
class CreditContext:
    account: Account | None
    order_volume: int  # the partner's order totals of the last VOLUME_DAYS days, minor units
    orders_counted: int


@dataclass(frozen=True)
class ReviewView:
    request: PricingRequest
    partner_name: str
    price: PriceContext | None
    credit: CreditContext | None
    second_needed: bool  # approving what was asked needs a second finance admin


def _price_context(tenant: Tenant, request: PricingRequest) -> PriceContext:
    sku, quantity = request.sku or "", int(request.quantity or 1)
    current = price_for(tenant, request.partner_id, sku, quantity, today_for(tenant))
    product = reads.get_or_none(Product, Product.keys_for(tenant.tenant_id, sku))
    cost = int(product.cost_price) if product is not None and product.cost_price is not None else None
    orders = Order.gsi1.query(
        Order.all_partition(tenant.tenant_id, request.partner_id), scan_index_forward=False, limit=RECENT_ORDERS
    )
    lines = [
        OrderedLine(order.order_number, order.placed_on, int(line.quantity), int(line.unit_price))
        for order in orders
        if isinstance(order, Order)
        for line in order.lines
        if line.sku.casefold() == sku.casefold()
    ]
    return PriceContext(current, cost, lines[:10])


def _credit_context(tenant: Tenant, request: PricingRequest) -> CreditContext:
    account = reads.get_or_none(Account, Account.keys_for(tenant.tenant_id, request.partner_id), consistent=True)
    since = (clock.now().date() - timedelta(days=VOLUME_DAYS)).isoformat()
    orders = [
        order
        for order in Order.gsi1.query(Order.all_partition(tenant.tenant_id, request.partner_id), since <= Order.GSI1SK)
        if isinstance(order, Order) and order.status != "cancelled"
    ]
    return CreditContext(account, sum(int(order.total) for order in orders), len(orders))


def review_view(tenant: Tenant, request_id: str) -> ReviewView:
    request = get_request(tenant, request_id)
    names = partner_names(tenant, {request.partner_id})
    price = _price_context(tenant, request) if request.kind == "special_price" else None
    credit = _credit_context(tenant, request) if request.kind == "credit_limit" else None
    current_limit = int(credit.account.credit_limit) if credit and credit.account else int_or_none(request.limit_then)
    asked = Terms(int_or_none(request.requested_price), int_or_none(request.requested_limit), None)
    second = needs_second_approval(tenant, request, asked, current_limit)
    return ReviewView(request, names.get(request.partner_id, request.partner_id), price, credit, second)


@dataclass(frozen=True)
class Terms:
    """What an approval grants: a unit price (and its last day), or a credit limit."""

    price: int | None
    limit: int | None
    until: str | None  # ISO date


def needs_second_approval(tenant: Tenant, request: PricingRequest, terms: Terms, current_limit: int | None) -> bool:
    """Whether ``terms`` pass the tenant's four-eyes thresholds (none set: one approval always suffices)."""
    if request.kind == "special_price":
        threshold, list_price = tenant.second_approval_discount_percent, int_or_none(request.list_price)
        if threshold is None or not list_price or terms.price is None:
            return False
        return (list_price - terms.price) * 100 > int(threshold) * list_price
    threshold = tenant.second_approval_credit_change
    if threshold is None or terms.limit is None or current_limit is None:
        return False
    return abs(terms.limit - current_limit) > int(threshold)
