"""Refused forms kept for a moment, so the page that shows one again is reached by a GET."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import MapAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from portside.data.base import PortsideItem, tenant_key


class FormDraft(PortsideItem, discriminator="FormDraft"):
    """What a refused form needs to be shown again: what was typed (never a secret), what was wrong.

    ``owner`` is the digest of the CSRF token of the browser that posted it: only that browser
    sees it again. It lives minutes: a reload or a back button within them shows the same page.
    """

    owner = UnicodeAttribute()
    template = UnicodeAttribute()
    status = NumberAttribute()
    message = UnicodeAttribute()
    values = MapAttribute[str, Any](null=True)
    errors = MapAttribute[str, Any](null=True)
    retry_after = NumberAttribute(null=True)
    expires_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, draft_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "FORMDRAFT", draft_id), "FORMDRAFT"

    @classmethod
    def build(cls, tenant_id: str, draft_id: str, expires_at: datetime, **fields: Any) -> FormDraft:
        pk, sk = cls.keys_for(tenant_id, draft_id)
        return cls(pk, sk, expires_at=expires_at, expires_ttl=expires_at, **fields)
