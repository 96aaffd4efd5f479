"""Deal registrations and the end-customer claims that find conflicts between them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    ListAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)

from portside.data.base import PortsideItem, tenant_key

DEAL_STATE_LISTS = {"pending": "PENDING", "approved": "PROTECTED", "rejected": "REJECTED", "expired": "EXPIRED"}


class Deal(PortsideItem, discriminator="Deal"):
    """A deal registration. Decided only from ``pending``; admins' edits are version-checked."""

    tenant_id = UnicodeAttribute()
    deal_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    submitter_id = UnicodeAttribute()  # the contact who submitted it
    submitter_name = UnicodeAttribute()
    kind = UnicodeAttribute(default="partner_intent")
    state = UnicodeAttribute(default="pending")  # pending | approved | rejected | expired
    customer_name = UnicodeAttribute()
    customer_key = UnicodeAttribute()  # deals.customers.customer_key of the name
    customer_domain = UnicodeAttribute(null=True)
    title = UnicodeAttribute()
    amount_cents = NumberAttribute()
    currency = UnicodeAttribute(default="USD")
    close_date = UnicodeAttribute(null=True)  # YYYY-MM-DD
    description = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    # Other partners' open registrations for the same end customer, found at submission (never shown to partners).
    conflicts_with = ListAttribute[str](of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    decided_at = UTCDateTimeAttribute(null=True)
    decided_by = UnicodeAttribute(null=True)
    decision_note = UnicodeAttribute(null=True)
    protected_until = UTCDateTimeAttribute(null=True)
    protection_reminded_at = UTCDateTimeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, deal_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "DEAL", deal_id), "DEAL"

    @classmethod
    def partner_partition(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "DEALS")

    @classmethod
    def state_partition(cls, tenant_id: str, state: str) -> str:
        """Every deal sits in the GSI2 list of its state (see ``state_index``)."""
        return tenant_key(tenant_id, "DEALS", DEAL_STATE_LISTS[state])

    @classmethod
    def state_index(cls, tenant_id: str, deal_id: str, state: str, at: datetime) -> tuple[str, str]:
        """GSI2 keys of a deal in ``state``: pending by registration, approved by the end of its protection,
        rejected by decision, expired by the end it reached."""
        return cls.state_partition(tenant_id, state), f"{at.isoformat()}#{deal_id}"

    @classmethod
    def pending_partition(cls, tenant_id: str) -> str:
        return cls.state_partition(tenant_id, "pending")

    @classmethod
    def protected_partition(cls, tenant_id: str) -> str:
        return cls.state_partition(tenant_id, "approved")

    def move_to(self, state: str, at: datetime) -> list[Any]:
        """Update actions that put the deal in ``state`` and in that state's list."""
        pk, sk = self.state_index(self.tenant_id, self.deal_id, state, at)
        return [Deal.state.set(state), Deal.GSI2PK.set(pk), Deal.GSI2SK.set(sk)]

    @classmethod
    def build(cls, tenant_id: str, deal_id: str, partner_id: str, created_at: datetime, **fields: Any) -> Deal:
        pk, sk = cls.keys_for(tenant_id, deal_id)
        index_pk, index_sk = cls.state_index(tenant_id, deal_id, "pending", created_at)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            deal_id=deal_id,
            partner_id=partner_id,
            created_at=created_at,
            GSI1PK=cls.partner_partition(tenant_id, partner_id),
            GSI1SK=f"{created_at.isoformat()}#{deal_id}",
            GSI2PK=index_pk,
            GSI2SK=index_sk,
            **fields,
        )


class CustomerClaim(PortsideItem, discriminator="CustomerClaim"):
    """One open registration of an end customer (by name key, and by email domain when given).

    Deleted when its deal is rejected or its protection expires: what remains is what conflicts.
    """

    tenant_id = UnicodeAttribute()
    deal_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()

    @classmethod
    def partition_of(cls, tenant_id: str, customer: str) -> str:
        return tenant_key(tenant_id, "CUSTOMER", customer)

    @classmethod
    def keys_for(cls, tenant_id: str, customer: str, deal_id: str) -> tuple[str, str]:
        return cls.partition_of(tenant_id, customer), f"DEAL#{deal_id}"

    @classmethod
    def build(cls, tenant_id: str, customer: str, deal_id: str, partner_id: str) -> CustomerClaim:
        pk, sk = cls.keys_for(tenant_id, customer, deal_id)
        return cls(pk, sk, tenant_id=tenant_id, deal_id=deal_id, partner_id=partner_id)


class CustomerHead(PortsideItem, discriminator="CustomerHead"):
    """The head of an end customer's claims: a counter every registration of the customer bumps.

    A submission reads the claims and the head together (one consistent Query) and its
    transaction conditions on the head's count being unchanged: of two partners registering one
    customer at the same moment, the second's transaction fails, and it reads again and sees the
    first. Without it, each could read the other's claim as absent and neither would be flagged.
    """

    registrations = NumberAttribute(default=0)

    @classmethod
    def keys_for(cls, tenant_id: str, customer: str) -> tuple[str, str]:
        return CustomerClaim.partition_of(tenant_id, customer), "HEAD"
