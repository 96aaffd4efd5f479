"""The catalogue from the company's ERP: products with their stock, price entries, partner accounts,
and when each kind of data last arrived.

Killed fields (cost price, supplier, supplier SKU) are stored for the company's own use and never
reach a partner page: those are built from ``lookups.views``.
"""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from portside.data.base import PortsideItem, tenant_key


def search_key(text: str) -> str:
    """A SKU or product name as looked up by its start: case and spacing ignored."""
    return " ".join(text.casefold().split())


class Product(PortsideItem, discriminator="Product"):
    tenant_id = UnicodeAttribute()
    sku = UnicodeAttribute()
    name = UnicodeAttribute()
    category = UnicodeAttribute(null=True)
    available = NumberAttribute(default=0)
    next_delivery_on = UnicodeAttribute(null=True)  # ISO date
    next_delivery_quantity = NumberAttribute(null=True)
    cost_price = NumberAttribute(null=True)  # killed (minor units)
    supplier = UnicodeAttribute(null=True)  # killed
    supplier_sku = UnicodeAttribute(null=True)  # killed
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, sku: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "PRODUCT", search_key(sku)), "PRODUCT"

    @classmethod
    def by_name(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "PRODUCTS", "NAME")

    @classmethod
    def by_sku(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "PRODUCTS", "SKU")

    @classmethod
    def build(cls, tenant_id: str, sku: str, name: str, **fields: Any) -> Product:
        pk, sk = cls.keys_for(tenant_id, sku)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            sku=sku,
            name=name,
            GSI1PK=cls.by_name(tenant_id),
            GSI1SK=f"{search_key(name)}#{search_key(sku)}",
            GSI2PK=cls.by_sku(tenant_id),
            GSI2SK=search_key(sku),
            **fields,
        )


class PriceEntry(PortsideItem, discriminator="PriceEntry"):
    """A price of a SKU for a tier's partners, or for one partner (overriding its tier's)."""

    tenant_id = UnicodeAttribute()
    scope = UnicodeAttribute()  # "tier:<tier>" or "partner:<partner id>"
    sku = UnicodeAttribute()
    product_name = UnicodeAttribute(null=True)
    list_price = NumberAttribute()  # minor units
    price = NumberAttribute()  # the partner's, minor units
    currency = UnicodeAttribute(default="USD")
    min_quantity = NumberAttribute(default=1)
    valid_from = UnicodeAttribute()  # ISO date
    valid_to = UnicodeAttribute(null=True)  # ISO date, inclusive; none: open-ended
    granted_by = UnicodeAttribute(null=True)  # the pricing request whose approval wrote it (a special price)
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def partition_of(cls, tenant_id: str, scope: str) -> str:
        kind, _, name = scope.partition(":")
        return tenant_key(tenant_id, "PRICES", kind.upper(), name)

    @staticmethod
    def sort_of(sku: str, min_quantity: int, valid_from: str) -> str:
        return f"{search_key(sku)}#{min_quantity:09d}#{valid_from}"

    @classmethod
    def build(
        cls, tenant_id: str, scope: str, sku: str, min_quantity: int, valid_from: str, **fields: Any
    ) -> PriceEntry:
        return cls(
            cls.partition_of(tenant_id, scope),
            cls.sort_of(sku, min_quantity, valid_from),
            tenant_id=tenant_id,
            scope=scope,
            sku=sku,
            min_quantity=min_quantity,
            valid_from=valid_from,
            **fields,
        )

    def valid_on(self, day: str) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class Account(PortsideItem, discriminator="Account"):
    """A partner's account with the company: what its principal sees on the account page."""

    tenant_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    credit_limit = NumberAttribute()  # minor units; principal only
    balance = NumberAttribute(default=0)  # owed to the company, minor units
    currency = UnicodeAttribute(default="USD")
    payment_terms = UnicodeAttribute(null=True)  # "30 days net"
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, partner_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "PARTNER", partner_id, "ACCOUNT"), "ACCOUNT"

    @classmethod
    def build(cls, tenant_id: str, partner_id: str, **fields: Any) -> Account:
        pk, sk = cls.keys_for(tenant_id, partner_id)
        return cls(pk, sk, tenant_id=tenant_id, partner_id=partner_id, **fields)


class Freshness(PortsideItem, discriminator="Freshness"):
    """When each kind of ERP data (orders, stock, prices, accounts) last arrived: "Updated 23 Nov, 07:10"."""

    orders = UTCDateTimeAttribute(null=True)
    stock = UTCDateTimeAttribute(null=True)
    prices = UTCDateTimeAttribute(null=True)
    accounts = UTCDateTimeAttribute(null=True)

    @classmethod
    def keys_for(cls, tenant_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "FRESHNESS"), "FRESHNESS"
