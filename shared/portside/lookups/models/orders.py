"""Orders from the company's ERP: one item per order under its partner, with the references that find it.

An order lives under its partner's key, so a contact can only ever read its own partner's orders:
the partner in every key comes from the session, never from the request. Some fields are for the
company only (the kill list: unit cost, margin, supplier, internal notes); partner pages are built
from ``lookups.views``, which cannot carry them.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from pynamodb.attributes import ListAttribute, MapAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from portside.data.base import PortsideItem, tenant_key
from portside.data.models.updates import PartnerUpdate

ORDER_STATUSES = ("received", "confirmed", "picking", "backordered", "shipped", "delivered", "cancelled")
CLOSED_STATUSES = frozenset({"delivered", "cancelled"})


WORD = re.compile(r"[^\W_]+")  # a run of letters or digits
DIGITS = re.compile(r"\d{3,}")


def reference_key(reference: str) -> str:
    """An order or PO number as its order's key holds it: ``ACME-PO-7731`` is ``acme-po-7731``."""
    return "".join(reference.casefold().split())


def search_form(text: str) -> str:
    """What a search compares: letters and digits only, case folded, so "SO 10042", "so-10042" and "SO10042" are one."""
    return "".join(WORD.findall(text.casefold()))


def search_tokens(reference: str) -> set[str]:
    """Where a search may start within an order or PO number: the whole of it, each part after a dash or a space,
    and each run of three or more digits (``ACME-PO-7731``: acmepo7731, po, 7731). One reference item each."""
    parts = WORD.findall(reference.casefold())
    whole = "".join(parts)
    return {token for token in {whole, *parts[1:], *DIGITS.findall(whole)} if token}


class OrderLine(MapAttribute[str, Any]):
    sku = UnicodeAttribute()
    description = UnicodeAttribute()
    quantity = NumberAttribute()
    unit_price = NumberAttribute()  # the partner's, in minor units
    line_total = NumberAttribute()
    unit_cost = NumberAttribute(null=True)  # killed
    margin = NumberAttribute(null=True)  # killed (minor units)
    supplier = UnicodeAttribute(null=True)  # killed


class OrderEvent(MapAttribute[str, Any]):
    """What changed when: "Shipped", "ETA moved to 2 Dec"."""

    at = UTCDateTimeAttribute()
    what = UnicodeAttribute()


class Order(PortsideItem, discriminator="Order"):
    tenant_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    order_number = UnicodeAttribute()
    po_number = UnicodeAttribute(null=True)
    status = UnicodeAttribute()
    placed_on = UnicodeAttribute()  # ISO date
    eta = UnicodeAttribute(null=True)  # ISO date
    carrier = UnicodeAttribute(null=True)
    tracking_number = UnicodeAttribute(null=True)
    currency = UnicodeAttribute(default="USD")
    lines = ListAttribute(of=OrderLine, default=list)
    total = NumberAttribute(default=0)
    internal_notes = UnicodeAttribute(null=True)  # killed
    history = ListAttribute(of=OrderEvent, default=list)
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, partner_id: str, order_number: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "PARTNER", partner_id, "ORDER", reference_key(order_number)), "ORDER"

    @classmethod
    def all_partition(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "ORDERS")

    @classmethod
    def open_partition(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "ORDERS", "OPEN")

    @staticmethod
    def list_order(placed_on: str, order_number: str) -> str:
        return f"{placed_on}#{reference_key(order_number)}"

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def index_keys(self) -> dict[str, str | None]:
        """Every order in GSI1 (newest first); open ones in GSI2 too, which is sparse: closed ones leave it."""
        order = self.list_order(self.placed_on, self.order_number)
        is_open = self.is_open
        return {
            "GSI1PK": self.all_partition(self.tenant_id, self.partner_id),
            "GSI1SK": order,
            "GSI2PK": self.open_partition(self.tenant_id, self.partner_id) if is_open else None,
            "GSI2SK": order if is_open else None,
        }

    @classmethod
    def build(cls, tenant_id: str, partner_id: str, order_number: str, **fields: Any) -> Order:
        pk, sk = cls.keys_for(tenant_id, partner_id, order_number)
        order = cls(pk, sk, tenant_id=tenant_id, partner_id=partner_id, order_number=order_number, **fields)
        for name, value in order.index_keys().items():
            setattr(order, name, value)
        return order


class OrderSummary(MapAttribute[str, Any]):
    """What a list of orders shows of one (no killed field), kept on each of its references."""

    po_number = UnicodeAttribute(null=True)
    status = UnicodeAttribute()
    placed_on = UnicodeAttribute()
    eta = UnicodeAttribute(null=True)
    currency = UnicodeAttribute()
    total = NumberAttribute()


class OrderReference(PortsideItem, discriminator="OrderReference"):
    """An order number or PO number of a partner's order, searchable by its start; with the order's summary, so a
    search is one Query (a reference written before summaries were kept has none: its order is read)."""

    order_number = UnicodeAttribute()
    summary = OrderSummary(null=True)

    @classmethod
    def partition_of(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "ORDERREFS")

    @classmethod
    def build(cls, tenant_id: str, partner_id: str, token: str, order: Order) -> OrderReference:
        """The reference of ``order`` found by searches that start with ``token`` (``search_tokens``)."""
        sort = f"{token}#{reference_key(order.order_number)}"
        summary = OrderSummary(
            po_number=order.po_number,
            status=order.status,
            placed_on=order.placed_on,
            eta=order.eta,
            currency=order.currency,
            total=int(order.total),
        )
        return cls(cls.partition_of(tenant_id, partner_id), sort, order_number=order.order_number, summary=summary)

    @classmethod
    def all_of(cls, tenant_id: str, order: Order) -> list[OrderReference]:
        """Every reference of ``order``: one per token of its order number and its PO number."""
        numbers = [number for number in (order.order_number, order.po_number) if number]
        tokens = sorted(set().union(*(search_tokens(number) for number in numbers)))
        return [cls.build(tenant_id, order.partner_id, token, order) for token in tokens]


class OrderChangeEntry(MapAttribute[str, Any]):
    """One change a partner cares about: "SO-10042: Shipped"."""

    order_number = UnicodeAttribute()
    what = UnicodeAttribute()
    at = UTCDateTimeAttribute()


class OrderChanges(PartnerUpdate, discriminator="OrderChanges"):
    """A partner's latest order changes (shipped, a later ETA), newest first, for the dashboard.

    One item among the partner's updates, of the resource ``orders`` (so only contacts who see orders
    see it), whose sort key sorts after every update's (they begin with a time): the dashboard's one
    Query of updates, newest first, reads it first, and the dashboard stays at two round trips with the
    session check. An import that changes orders rewrites it; it lives 30 days from its latest change.
    """

    changes = ListAttribute(of=OrderChangeEntry)

    SORT_KEY = "~ORDERCHANGES"
    KEEP = 5
    KEEP_FOR = timedelta(days=30)

    @classmethod
    def keys_for(cls, tenant_id: str, partner_id: str) -> tuple[str, str]:
        return cls.partition_of(tenant_id, partner_id), cls.SORT_KEY

    @classmethod
    def build_latest(
        cls, tenant_id: str, partner_id: str, changes: list[OrderChangeEntry], now: datetime
    ) -> OrderChanges:
        """The newest ``KEEP`` of ``changes`` within ``KEEP_FOR`` of ``now``."""
        latest = sorted((c for c in changes if c.at > now - cls.KEEP_FOR), key=lambda c: c.at, reverse=True)
        newest = latest[0].at if latest else now
        return cls(
            *cls.keys_for(tenant_id, partner_id),
            tenant_id=tenant_id,
            partner_id=partner_id,
            at=newest,
            resource="orders",
            title="Recent order changes",
            message="",
            link="/partners/orders",
            changes=latest[: cls.KEEP],
            expires_ttl=newest + cls.KEEP_FOR,
        )
