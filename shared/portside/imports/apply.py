"""Applying checked import rows: each row becomes the item it describes, written only if it changed.

Items are read back a hundred at a time (BatchGet) and compared on what the ERP sends, so importing
the same file twice writes nothing the second time and says every row was unchanged. Orders keep
their history: a new status or a later ETA is added to what changed when, and to the partner's
recent changes on the dashboard.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from portside.data.base import PortsideItem
from portside.imports.rows import AccountRow, OrderRow, PriceRow, Row, StockRow
from portside.lookups.models.catalogue import Account, PriceEntry, Product
from portside.lookups.models.orders import (
    Order,
    OrderChangeEntry,
    OrderEvent,
    OrderLine,
    OrderReference,
)
from portside.lookups.orders import record_order_changes
from portside.lookups.views import STATUS_LABELS

BATCH = 100  # BatchGetItem's limit
BOOKKEEPING = frozenset({"updated_at", "history", "type"})


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str, str]] = field(default_factory=list)  # (line, column, reason)


def _content(item: PortsideItem) -> dict[str, Any]:
    return {name: value for name, value in item.serialize().items() if name not in BOOKKEEPING}


def existing_items(keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], PortsideItem]:
    """The stored items at these keys, by key, read a hundred at a time."""
    found: dict[tuple[str, str], PortsideItem] = {}
    for start in range(0, len(keys), BATCH):
        for item in PortsideItem.batch_get(keys[start : start + BATCH]):
            found[(item.PK, item.SK)] = item
    return found


def _write(wanted: Sequence[tuple[int, PortsideItem]], outcome: Outcome, merge: Any = None) -> list[PortsideItem]:
    """Write the items that are new or changed, and return them; ``merge(old, new)`` carries over what the
    file does not say."""
    written: list[PortsideItem] = []
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        existing = existing_items([(item.PK, item.SK) for _, item in chunk])
        changed = []
        for _, item in chunk:
            old = existing.get((item.PK, item.SK))
            if old is not None and _content(old) == _content(item):
                outcome.unchanged += 1
                continue
            if old is None:
                outcome.created += 1
            else:
                outcome.updated += 1
            changed.append(merge(old, item) if merge and old is not None else item)
        with PortsideItem.batch_write() as batch:
            for item in changed:
                batch.save(item)
        written += changed
    return written


def _partner_problem(partner_id: str | None, partners: set[str]) -> str | None:
    return None if partner_id is None or partner_id in partners else f"no partner {partner_id}"


def apply_stock(tenant_id: str, rows: Iterable[tuple[int, Row]], at: datetime, partners: set[str]) -> Outcome:
    outcome = Outcome()
    wanted: dict[str, tuple[int, PortsideItem]] = {}
    for line, row in rows:
        assert isinstance(row, StockRow)
        fields = row.model_dump(exclude={"sku", "name"})
        fields["next_delivery_on"] = _iso(row.next_delivery_on)
        wanted[row.sku.casefold()] = (line, Product.build(tenant_id, row.sku, row.name, updated_at=at, **fields))
    _write(list(wanted.values()), outcome)
    return outcome


def apply_prices(tenant_id: str, rows: Iterable[tuple[int, Row]], at: datetime, partners: set[str]) -> Outcome:
    outcome = Outcome()
    wanted: dict[tuple[str, str], tuple[int, PortsideItem]] = {}
    for line, row in rows:
        assert isinstance(row, PriceRow)
        problem = _partner_problem(row.partner_id, partners)
        if problem:
            outcome.rejected.append((line, "partner_id", problem))
            continue
        entry = PriceEntry.build(
            tenant_id,
            row.scope,
            row.sku,
            row.min_quantity,
            row.valid_from.isoformat(),
            product_name=row.product_name,
            list_price=row.list_price,
            price=row.price,
            currency=row.currency,
            valid_to=_iso(row.valid_to),
            updated_at=at,
        )
        wanted[(entry.PK, entry.SK)] = (line, entry)
    _write(list(wanted.values()), outcome)
    return outcome


def apply_accounts(tenant_id: str, rows: Iterable[tuple[int, Row]], at: datetime, partners: set[str]) -> Outcome:
    outcome = Outcome()
    wanted: dict[str, tuple[int, PortsideItem]] = {}
    for line, row in rows:
        assert isinstance(row, AccountRow)
        problem = _partner_problem(row.partner_id, partners)
        if problem:
            outcome.rejected.append((line, "partner_id", problem))
            continue
        fields = row.model_dump(exclude={"partner_id"})
        wanted[row.partner_id] = (line, Account.build(tenant_id, row.partner_id, updated_at=at, **fields))
    _write(list(wanted.values()), outcome)
    return outcome


def apply_orders(tenant_id: str, rows: Iterable[tuple[int, Row]], at: datetime, partners: set[str]) -> Outcome:
    """Rows are order lines: an order is the lines that share its partner and number, in file order."""
    outcome = Outcome()
    orders: dict[tuple[str, str], tuple[int, OrderRow, list[OrderLine]]] = {}
    for line, row in rows:
        assert isinstance(row, OrderRow)
        problem = _partner_problem(row.partner_id, partners)
        if problem:
            outcome.rejected.append((line, "partner_id", problem))
            continue
        key = (row.partner_id, row.order_number.casefold())
        first = orders.setdefault(key, (line, row, []))
        first[2].append(
            OrderLine(
                sku=row.sku,
                description=row.description,
                quantity=row.quantity,
                unit_price=row.unit_price,
                line_total=row.unit_price * row.quantity,
                unit_cost=row.unit_cost,
                margin=row.margin,
                supplier=row.supplier,
            )
        )
    wanted = []
    for line, row, lines in orders.values():
        order = Order.build(
            tenant_id,
            row.partner_id,
            row.order_number,
            po_number=row.po_number,
            status=row.status,
            placed_on=row.placed_on.isoformat(),
            eta=_iso(row.eta),
            carrier=row.carrier,
            tracking_number=row.tracking_number,
            currency=row.currency,
            lines=lines,
            total=sum(int(item.line_total) for item in lines),
            internal_notes=row.internal_notes,
            history=[OrderEvent(at=at, what=STATUS_LABELS.get(row.status, row.status))],
            updated_at=at,
        )
        wanted.append((line, order))

    def merge(old: PortsideItem, new: PortsideItem) -> PortsideItem:
        assert isinstance(old, Order) and isinstance(new, Order)
        new.history = [*(old.history or []), *_order_events(old, new, at)]
        return new

    _index_orders(tenant_id, _write(wanted, outcome, merge), at)
    return outcome


def _order_events(old: Order, new: Order, at: datetime) -> list[OrderEvent]:
    events = []
    if old.status != new.status:
        events.append(OrderEvent(at=at, what=STATUS_LABELS.get(new.status, new.status)))
    if new.eta and old.eta and new.eta > old.eta:
        events.append(OrderEvent(at=at, what=f"ETA moved to {date.fromisoformat(new.eta):%d %b}"))
    return events


def _index_orders(tenant_id: str, orders: list[PortsideItem], at: datetime) -> None:
    """Each new or changed order's number and PO number, searchable; a shipment or a later ETA on the dashboard."""
    changed: dict[str, list[OrderChangeEntry]] = defaultdict(list)
    with PortsideItem.batch_write() as batch:
        for order in orders:
            assert isinstance(order, Order)
            for reference in OrderReference.all_of(tenant_id, order):
                batch.save(reference)
            news = [event.what for event in order.history or [] if event.at == at and _worth_telling(event.what)]
            if news and len(order.history or []) > 1:  # a change to an order the partner already had
                entry = OrderChangeEntry(order_number=order.order_number, what=", ".join(news), at=at)
                changed[order.partner_id].append(entry)
    for partner_id, changes in changed.items():
        record_order_changes(tenant_id, partner_id, changes, at)


def _worth_telling(what: str) -> bool:
    """What the dashboard lists: an order shipped, or its ETA moved later."""
    return what == STATUS_LABELS["shipped"] or what.startswith("ETA moved")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


APPLY = {"orders": apply_orders, "stock": apply_stock, "prices": apply_prices, "accounts": apply_accounts}
