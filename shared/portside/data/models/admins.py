"""Admins of a tenant: memberships and console sessions, which the guard and every console page read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import ListAttribute, UnicodeAttribute, UTCDateTimeAttribute

from portside.data.base import PortsideItem, tenant_key


class AdminMember(PortsideItem, discriminator="AdminMember"):
    """An admin's membership of a tenant. Cognito says who someone is and which roles (groups) they hold;
    this item says which tenant's console they may open, and records their activity for access review."""

    tenant_id = UnicodeAttribute()
    email = UnicodeAttribute()
    roles = ListAttribute[str](of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    status = UnicodeAttribute(default="active")  # active | disabled
    sign_in = UnicodeAttribute(default="password")  # password (the pool's own user, with TOTP) | federated
    created_at = UTCDateTimeAttribute()
    last_sign_in_at = UTCDateTimeAttribute(null=True)
    last_seen_at = UTCDateTimeAttribute(null=True)

    @classmethod
    def keys_for(cls, tenant_id: str, email: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "ADMIN", email.lower()), "ADMIN"

    @classmethod
    def build(cls, tenant_id: str, email: str, **fields: Any) -> AdminMember:
        pk, sk = cls.keys_for(tenant_id, email)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            email=email.lower(),
            GSI1PK=cls.list_partition(tenant_id),
            GSI1SK=email.lower(),
            **fields,
        )

    @classmethod
    def list_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "ADMINS")


class AdminSession(PortsideItem, discriminator="AdminSession"):
    """An admin's console session: 8 hours at most, ended after 30 idle minutes. Only the id's SHA-256 is stored."""

    tenant_id = UnicodeAttribute()
    email = UnicodeAttribute()
    subject = UnicodeAttribute()  # the Cognito ``sub``
    roles = ListAttribute[str](of=UnicodeAttribute)  # type: ignore[arg-type]
    created_at = UTCDateTimeAttribute()
    expires_at = UTCDateTimeAttribute()
    last_seen_at = UTCDateTimeAttribute()
    csrf_token = UnicodeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, session_hash: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "ADMINSESSION", session_hash), "ADMINSESSION"

    @classmethod
    def admin_partition(cls, tenant_id: str, email: str) -> str:
        """Every session of one admin (GSI1): ended together when the admin is disabled or removed."""
        return tenant_key(tenant_id, "ADMINSESSIONS", email.lower())

    @classmethod
    def build(cls, tenant_id: str, session_hash: str, expires_at: datetime, **fields: Any) -> AdminSession:
        pk, sk = cls.keys_for(tenant_id, session_hash)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            expires_at=expires_at,
            expires_ttl=expires_at,
            GSI1PK=cls.admin_partition(tenant_id, str(fields.get("email", ""))),
            GSI1SK=session_hash,
            **fields,
        )
