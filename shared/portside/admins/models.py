"""The console admins' item: an identity provider group mapped to an admin role."""

from __future__ import annotations

from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute

from portside.data.base import PortsideItem, tenant_key


class GroupRole(PortsideItem, discriminator="GroupRole"):
    """An identity provider's group mapped to an admin role of this tenant (federated sign-in reads these)."""

    tenant_id = UnicodeAttribute()
    group = UnicodeAttribute()  # as the identity provider names it
    role = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    created_by = UnicodeAttribute()

    @classmethod
    def partition_of(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "GROUPROLES")

    @classmethod
    def keys_for(cls, tenant_id: str, group: str) -> tuple[str, str]:
        return cls.partition_of(tenant_id), f"GROUP#{group}"
