"""The single-table base: generic keys, two GSIs, a TTL attribute and an item-type discriminator.

Every item type subclasses ``PortsideItem`` and derives its keys from its own fields in a
``key``/``keys_for`` classmethod: no call site assembles a key string by hand.
"""

from __future__ import annotations

from pynamodb.attributes import DiscriminatorAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.constants import PAY_PER_REQUEST_BILLING_MODE, STREAM_NEW_IMAGE
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from portside.config import settings


def tenant_key(tenant_id: str, *parts: str) -> str:
    """Every key of tenant data starts with the tenant id: ``T#<tenant>#PART#PART``."""
    return "#".join(("T", tenant_id, *parts))


class GSI1(GlobalSecondaryIndex["PortsideItem"]):
    """Lists within a tenant: a partner's contacts, an actor's audit trail, parked mail."""

    class Meta:
        index_name = "GSI1"
        projection = AllProjection()

    GSI1PK = UnicodeAttribute(hash_key=True)
    GSI1SK = UnicodeAttribute(range_key=True)


class GSI2(GlobalSecondaryIndex["PortsideItem"]):
    """Tenant-wide lists ordered by activity: every contact of a tenant, by status and last activity."""

    class Meta:
        index_name = "GSI2"
        projection = AllProjection()

    GSI2PK = UnicodeAttribute(hash_key=True)
    GSI2SK = UnicodeAttribute(range_key=True)


class PortsideItem(Model):
    class Meta:
        table_name = settings().table_name
        billing_mode = PAY_PER_REQUEST_BILLING_MODE
        stream_view_type = STREAM_NEW_IMAGE

    PK = UnicodeAttribute(hash_key=True)
    SK = UnicodeAttribute(range_key=True)
    item_type = DiscriminatorAttribute(attr_name="type")
    GSI1PK = UnicodeAttribute(null=True)
    GSI1SK = UnicodeAttribute(null=True)
    gsi1 = GSI1()
    GSI2PK = UnicodeAttribute(null=True)
    GSI2SK = UnicodeAttribute(null=True)
    gsi2 = GSI2()
    # DynamoDB deletes expired items lazily (within days): readers also check expiry themselves.
    expires_ttl = TTLAttribute(null=True, attr_name="ttl")
