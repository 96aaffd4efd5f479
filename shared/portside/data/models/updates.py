"""What a partner's dashboard shows: the updates changes leave for its contacts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    UnicodeAttribute,
    UTCDateTimeAttribute,
)

from portside.data.base import PortsideItem, tenant_key


class PartnerUpdate(PortsideItem, discriminator="PartnerUpdate"):
    """Something a partner's contacts should notice (a deal decided, a protection ending, an answer).

    Written in the transaction of the change it reports; kept 30 days (TTL). The dashboard is one
    Query of these, so it stays at two round trips with the session check.
    """

    tenant_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    resource = UnicodeAttribute()  # the matrix resource a contact must be able to view to see it
    title = UnicodeAttribute()
    message = UnicodeAttribute()
    link = UnicodeAttribute()
    contact_id = UnicodeAttribute(null=True)  # the contact it concerns most (a deal's submitter), if any

    @classmethod
    def partition_of(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "UPDATES")

    @classmethod
    def build(cls, tenant_id: str, partner_id: str, at: datetime, update_id: str, **fields: Any) -> PartnerUpdate:
        return cls(
            cls.partition_of(tenant_id, partner_id),
            f"{at.isoformat()}#{update_id}",
            tenant_id=tenant_id,
            partner_id=partner_id,
            at=at,
            **fields,
        )
