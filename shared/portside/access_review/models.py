"""Access review's item: who reviewed the tenant's access, when, and what they noted."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute

from portside.data.base import PortsideItem, tenant_key


class AccessReview(PortsideItem, discriminator="AccessReview"):
    """A completed access review: who looked at every contact and admin, and when."""

    tenant_id = UnicodeAttribute()
    review_id = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    reviewer = UnicodeAttribute()
    note = UnicodeAttribute(null=True)

    @classmethod
    def build(cls, tenant_id: str, review_id: str, at: datetime, **fields: Any) -> AccessReview:
        return cls(
            tenant_key(tenant_id, "ACCESSREVIEW"),
            f"{at.isoformat()}#{review_id}",
            tenant_id=tenant_id,
            review_id=review_id,
            at=at,
            **fields,
        )

    @classmethod
    def partition_of(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "ACCESSREVIEW")
