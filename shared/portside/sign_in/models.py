"""Partner sign-in's item: a request for a link, fulfilled by the stream's worker or the sweeper."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute

from portside.data.base import PortsideItem, tenant_key


class SignInRequest(PortsideItem, discriminator="SignInRequest"):
    """Someone asked for a sign-in link for ``email``: fulfilled off the request path, by the stream worker.

    The request path writes only this item and its rate counters, whether or not the address
    belongs to a contact, so its timing says nothing about the address. The worker then mails
    a link, or records a request for an unknown address, and deletes the item; one the stream
    never delivered is swept from the pending list.
    """

    tenant_id = UnicodeAttribute()
    request_id = UnicodeAttribute()
    email = UnicodeAttribute()
    next_path = UnicodeAttribute(null=True)
    client_ip = UnicodeAttribute(null=True)
    user_agent = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, request_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "SIGNINREQUEST", request_id), "SIGNINREQUEST"

    @classmethod
    def pending_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "SIGNINREQUEST", "PENDING")

    @classmethod
    def build(cls, tenant_id: str, request_id: str, created_at: datetime, **fields: Any) -> SignInRequest:
        pk, sk = cls.keys_for(tenant_id, request_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            request_id=request_id,
            created_at=created_at,
            GSI1PK=cls.pending_partition(tenant_id),
            GSI1SK=f"{created_at.isoformat()}#{request_id}",
            expires_ttl=created_at + timedelta(days=1),
            **fields,
        )
