"""Admins of a tenant: memberships, console sessions, sign-in challenges and used codes, access reviews."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    ListAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)

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


class AdminChallenge(PortsideItem, discriminator="AdminChallenge"):
    """Binds a Cognito challenge session to the address that passed the password step.

    The portal, not the identity service, decides whose challenge a session is: an answer must
    come with the bound address, and the tokens it earns must name it. Only the SHA-256 of the
    session is stored; the item lives as long as Cognito's session (3 minutes) and a little more.
    """

    tenant_id = UnicodeAttribute()
    email = UnicodeAttribute()
    expires_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, session_hash: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "ADMINCHALLENGE", session_hash), "ADMINCHALLENGE"

    @classmethod
    def build(cls, tenant_id: str, session_hash: str, email: str, expires_at: datetime) -> AdminChallenge:
        pk, sk = cls.keys_for(tenant_id, session_hash)
        return cls(pk, sk, tenant_id=tenant_id, email=email, expires_at=expires_at, expires_ttl=expires_at)


class UsedTotpCode(PortsideItem, discriminator="UsedTotpCode"):
    """An authenticator code an admin has used: refused again until it can no longer be valid."""

    expires_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, email: str, code: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "ADMINTOTP", email.lower(), code), "USED"

    @classmethod
    def build(cls, tenant_id: str, email: str, code: str, expires_at: datetime) -> UsedTotpCode:
        pk, sk = cls.keys_for(tenant_id, email, code)
        return cls(pk, sk, expires_at=expires_at, expires_ttl=expires_at)


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


class SsoAttempt(PortsideItem, discriminator="SsoAttempt"):
    """A single sign-on under way: what the browser that started it must bring back, spent once.

    Keyed by the SHA-256 of the ``state`` the browser carries in its cookie and through the provider;
    holds the nonce the ID token must repeat and the PKCE verifier the code exchange must present.
    """

    tenant_id = UnicodeAttribute()
    nonce = UnicodeAttribute()
    verifier = UnicodeAttribute()
    next_path = UnicodeAttribute(null=True)
    expires_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, state_hash: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "SSOATTEMPT", state_hash), "SSOATTEMPT"

    @classmethod
    def build(cls, tenant_id: str, state_hash: str, expires_at: datetime, **fields: Any) -> SsoAttempt:
        pk, sk = cls.keys_for(tenant_id, state_hash)
        return cls(pk, sk, tenant_id=tenant_id, expires_at=expires_at, expires_ttl=expires_at, **fields)
