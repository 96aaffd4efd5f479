"""Partner contacts, and how they sign in: their address claims, links and sessions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)

from portside.data.base import PortsideItem, tenant_key

# GSI2 order of a tenant's contacts: never-signed-in invitations first, then active by last activity, then disabled.
ACTIVITY_ORDER = {"invited": "0", "active": "1", "disabled": "9"}


class Contact(PortsideItem, discriminator="Contact"):
    tenant_id = UnicodeAttribute()
    contact_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    email = UnicodeAttribute()
    name = UnicodeAttribute()
    role = UnicodeAttribute()
    status = UnicodeAttribute(default="invited")  # invited | active | disabled
    created_at = UTCDateTimeAttribute()
    last_sign_in_at = UTCDateTimeAttribute(null=True)
    # Refreshed at most daily by the session check: "last seen" without a write per page.
    last_seen_at = UTCDateTimeAttribute(null=True)
    last_nudged_at = UTCDateTimeAttribute(null=True)
    # The one live token of each purpose: a newer link replaces (voids) the older one.
    live_sign_in_hash = UnicodeAttribute(null=True)
    live_invite_hash = UnicodeAttribute(null=True)
    # Optimistic lock for admin edits of the profile (name, role, status). A plain number rather than
    # PynamoDB's VersionAttribute, which would bump on every sign-in and fail admins' edits spuriously.
    version = NumberAttribute(default=1)

    @classmethod
    def keys_for(cls, tenant_id: str, contact_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "CONTACT", contact_id), "CONTACT"

    @classmethod
    def build(
        cls,
        tenant_id: str,
        contact_id: str,
        partner_id: str,
        email: str,
        name: str,
        role: str,
        created_at: datetime,
        **fields: Any,
    ) -> Contact:
        pk, sk = cls.keys_for(tenant_id, contact_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            contact_id=contact_id,
            partner_id=partner_id,
            email=email,
            name=name,
            role=role,
            GSI1PK=cls.partner_partition(tenant_id, partner_id),
            GSI1SK=f"{name.lower()}#{contact_id}",
            GSI2PK=cls.tenant_partition(tenant_id),
            GSI2SK=cls.activity_sort_key(fields.get("status", "invited"), created_at, contact_id),
            created_at=created_at,
            **fields,
        )

    @classmethod
    def partner_partition(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "CONTACTS")

    @classmethod
    def tenant_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "CONTACTS")

    @staticmethod
    def activity_sort_key(status: str, at: datetime, contact_id: str) -> str:
        return f"{ACTIVITY_ORDER[status]}#{at.isoformat()}#{contact_id}"

    @property
    def last_activity(self) -> datetime | None:
        """The later of the last sign-in and the last day a session was used."""
        seen = [at for at in (self.last_sign_in_at, self.last_seen_at) if at is not None]
        return max(seen) if seen else None

    def activity_actions(self, status: str, at: datetime | None = None) -> list[Any]:
        """Update actions that move the contact to ``status`` and keep its GSI2 order right."""
        when = at or self.last_activity or self.created_at
        return [Contact.status.set(status), Contact.GSI2SK.set(self.activity_sort_key(status, when, self.contact_id))]


class ContactEmail(PortsideItem, discriminator="ContactEmail"):
    """Claims an address for one contact: makes email unique per tenant and findable by GetItem."""

    contact_id = UnicodeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, email: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "EMAIL", email.lower()), "EMAIL"

    @classmethod
    def build(cls, tenant_id: str, email: str, contact_id: str) -> ContactEmail:
        pk, sk = cls.keys_for(tenant_id, email)
        return cls(pk, sk, contact_id=contact_id)


class SignInToken(PortsideItem, discriminator="SignInToken"):
    """An invite or sign-in link. Only the SHA-256 of the secret is stored, in the key."""

    tenant_id = UnicodeAttribute()
    token_hash = UnicodeAttribute()
    purpose = UnicodeAttribute()  # sign_in | invite
    contact_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    email = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    expires_at = UTCDateTimeAttribute()
    spent_at = UTCDateTimeAttribute(null=True)
    code_hash = UnicodeAttribute(null=True)
    next_path = UnicodeAttribute(null=True)

    @classmethod
    def keys_for(cls, tenant_id: str, token_hash: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "TOKEN", token_hash), "TOKEN"

    @classmethod
    def build(cls, tenant_id: str, token_hash: str, expires_at: datetime, **fields: Any) -> SignInToken:
        pk, sk = cls.keys_for(tenant_id, token_hash)
        return cls(
            pk, sk, tenant_id=tenant_id, token_hash=token_hash, expires_at=expires_at, expires_ttl=expires_at, **fields
        )


class Session(PortsideItem, discriminator="Session"):
    """A partner contact's session. Only the SHA-256 of the session id is stored."""

    tenant_id = UnicodeAttribute()
    contact_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    role = UnicodeAttribute()
    email = UnicodeAttribute()
    name = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    expires_at = UTCDateTimeAttribute()
    last_seen_at = UTCDateTimeAttribute()
    csrf_token = UnicodeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, contact_id: str, session_hash: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "CONTACT", contact_id), f"SESSION#{session_hash}"

    @classmethod
    def partition_of(cls, tenant_id: str, contact_id: str) -> str:
        return tenant_key(tenant_id, "CONTACT", contact_id)

    @classmethod
    def build(cls, tenant_id: str, contact_id: str, session_hash: str, expires_at: datetime, **fields: Any) -> Session:
        pk, sk = cls.keys_for(tenant_id, contact_id, session_hash)
        return cls(
            pk, sk, tenant_id=tenant_id, contact_id=contact_id, expires_at=expires_at, expires_ttl=expires_at, **fields
        )
