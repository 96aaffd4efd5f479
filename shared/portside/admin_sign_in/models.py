"""Admin sign-in's items: a Cognito challenge waiting for its answer, a code already used, a single sign-on attempt."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute

from portside.data.base import PortsideItem, tenant_key


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
