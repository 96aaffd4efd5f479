"""A partner's orders: newest first (open ones by default), found by any part of an order or PO number.

The partner comes from the principal, never from the request: every key below names it, so no order
number, cursor or search can reach another partner's orders. The console reads the same lists for
a partner it picks, with the company's own fields shown.
"""

from __future__ import annotations

from datetime import datetime

from portside.data import reads
from portside.data.base import PortsideItem
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.errors import NotFound
from portside.lookups.models.orders import (
    Order,
    OrderChangeEntry,
    OrderChanges,
    OrderReference,
    reference_key,
    search_form,
)
from portside.lookups.views import OrderRow

PAGE_SIZE = 20
SEARCH_LIMIT = 20


def orders_page(tenant: Tenant, partner_id: str, *, open_only: bool, cursor: str | None) -> Page[Order]:
    """A page of the partner's orders, newest first: its open ones, or all of them."""
    if open_only:
        partition, index = Order.open_partition(tenant.tenant_id, partner_id), "GSI2"
    else:
        partition, index = Order.all_partition(tenant.tenant_id, partner_id), "GSI1"
    return query_page(Order, partition, index=index, limit=PAGE_SIZE, cursor=cursor, newest_first=True)


def search_orders(tenant: Tenant, partner_id: str, text: str) -> list[OrderRow]:
    """The partner's orders an order or PO number leads to, by its start or any part ("7731", "SO 10042", "po"),
    newest first: one Query of the references, which carry each order's summary (and a BatchGet of the orders only
    for references written without one). A reference written before the parts were indexed holds the number as
    typed, dashes and all: when the parts find nothing, the number's start is looked up that way too."""
    wanted = search_form(text)
    if not wanted:
        return []
    references = _references(tenant, partner_id, wanted)
    if not references and reference_key(text) != wanted:
        references = _references(tenant, partner_id, reference_key(text))
    rows: dict[str, OrderRow] = {}
    unsummarised: set[str] = set()
    for reference in references:
        if reference.summary is None:
            unsummarised.add(reference.order_number)
        else:
            rows[reference.order_number] = OrderRow.listed(reference.order_number, reference.summary)
    keys = [Order.keys_for(tenant.tenant_id, partner_id, number) for number in sorted(unsummarised - set(rows))]
    for order in PortsideItem.batch_get(keys[:SEARCH_LIMIT]) if keys else []:
        if isinstance(order, Order):
            rows[order.order_number] = OrderRow.of(order)
    newest_first = sorted(rows.values(), key=lambda row: (row.placed_on, row.order_number), reverse=True)
    return newest_first[:SEARCH_LIMIT]


def _references(tenant: Tenant, partner_id: str, start: str) -> list[OrderReference]:
    partition = OrderReference.partition_of(tenant.tenant_id, partner_id)
    # An order has a few references (its number's and its PO number's parts): room for each match's several.
    found = OrderReference.query(partition, OrderReference.SK.startswith(start), limit=SEARCH_LIMIT * 4)
    return [reference for reference in found if isinstance(reference, OrderReference)]


def get_order(tenant: Tenant, partner_id: str, order_number: str) -> Order:
    order = reads.get_or_none(Order, Order.keys_for(tenant.tenant_id, partner_id, order_number[:64]))
    if order is None:
        raise NotFound(f"order {order_number} of partner {partner_id}")
    return order


def record_order_changes(tenant_id: str, partner_id: str, changes: list[OrderChangeEntry], now: datetime) -> None:
    """Add ``changes`` to the partner's latest order changes, which the dashboard shows (a GetItem and a PutItem;
    one orders import runs at a time per tenant, its kind's lock, so no two write one partner's at once)."""
    earlier = reads.get_or_none(OrderChanges, OrderChanges.keys_for(tenant_id, partner_id))
    kept = list(earlier.changes) if earlier else []
    OrderChanges.build_latest(tenant_id, partner_id, [*changes, *kept], now).save()
