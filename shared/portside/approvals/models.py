"""Pricing and credit requests: what a partner's principal asks of finance, and what finance granted.

A request never changes a price or a credit limit by itself. Only its approval does, in the
decision's own transaction (``approvals.decision``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute, VersionAttribute

from portside.data.base import PortsideItem, tenant_key

KINDS = ("special_price", "credit_limit")
STATES = ("pending", "approved", "rejected", "withdrawn", "expired")
# The GSI2 lists a request sits in: the queue, and granted special prices by the day they end (the daily job's).
LISTS = {"pending": "PENDING", "ending": "ENDING"}


class PricingRequest(PortsideItem, discriminator="PricingRequest"):
    """A special price or a credit limit asked for. Decided only from ``pending``; version-checked."""

    tenant_id = UnicodeAttribute()
    request_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    requester_id = UnicodeAttribute()  # the principal who asked
    requester_name = UnicodeAttribute()
    kind = UnicodeAttribute()  # special_price | credit_limit
    state = UnicodeAttribute(default="pending")
    reason = UnicodeAttribute()
    currency = UnicodeAttribute(default="USD")
    created_at = UTCDateTimeAttribute()
    # A special price: the SKU, how many, the price asked and the prices that applied when asked.
    sku = UnicodeAttribute(null=True)
    product_name = UnicodeAttribute(null=True)
    quantity = NumberAttribute(null=True)
    requested_price = NumberAttribute(null=True)  # minor units
    price_then = NumberAttribute(null=True)  # the partner's price for that quantity when asked
    list_price = NumberAttribute(null=True)
    deal_id = UnicodeAttribute(null=True)
    deal_title = UnicodeAttribute(null=True)
    valid_until = UnicodeAttribute(null=True)  # ISO date asked for; none: open-ended
    # A credit limit: asked and current when asked (minor units), and a supporting file.
    requested_limit = NumberAttribute(null=True)
    limit_then = NumberAttribute(null=True)
    attachment_key = UnicodeAttribute(null=True)
    attachment_name = UnicodeAttribute(null=True)
    attachment_type = UnicodeAttribute(null=True)
    attachment_size = NumberAttribute(null=True)
    # Four eyes: the first of two approvals, with the terms it granted (the second confirms them).
    first_approved_by = UnicodeAttribute(null=True)
    first_approved_at = UTCDateTimeAttribute(null=True)
    # The decision, and what it granted.
    granted_price = NumberAttribute(null=True)
    granted_limit = NumberAttribute(null=True)
    granted_until = UnicodeAttribute(null=True)  # ISO date, inclusive; none: open-ended
    price_entry_sk = UnicodeAttribute(null=True)  # the partner price entry the approval wrote
    decided_at = UTCDateTimeAttribute(null=True)
    decided_by = UnicodeAttribute(null=True)
    decision_note = UnicodeAttribute(null=True)
    ending_reminded_at = UTCDateTimeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, request_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "PRICINGREQUEST", request_id), "PRICINGREQUEST"

    @classmethod
    def partner_partition(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "PRICINGREQUESTS")

    @classmethod
    def list_partition(cls, tenant_id: str, name: str) -> str:
        return tenant_key(tenant_id, "PRICINGREQUESTS", LISTS[name])

    def listed_in(self, name: str | None, order: str) -> list[Any]:
        """Update actions that put the request in the GSI2 list ``name`` by ``order`` (or in none)."""
        if name is None:
            return [PricingRequest.GSI2PK.remove(), PricingRequest.GSI2SK.remove()]
        return [
            PricingRequest.GSI2PK.set(self.list_partition(self.tenant_id, name)),
            PricingRequest.GSI2SK.set(f"{order}#{self.request_id}"),
        ]

    @classmethod
    def build(
        cls, tenant_id: str, request_id: str, partner_id: str, created_at: datetime, **fields: Any
    ) -> PricingRequest:
        pk, sk = cls.keys_for(tenant_id, request_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            request_id=request_id,
            partner_id=partner_id,
            created_at=created_at,
            GSI1PK=cls.partner_partition(tenant_id, partner_id),
            GSI1SK=f"{created_at.isoformat()}#{request_id}",
            GSI2PK=cls.list_partition(tenant_id, "pending"),
            GSI2SK=f"{created_at.isoformat()}#{request_id}",
            **fields,
        )
