"""Who a request comes from, as the guard resolved it: a partner contact, an admin, or an ERP by its import key."""

from __future__ import annotations

from dataclasses import dataclass

from portside.auth.matrix import allows


@dataclass(frozen=True)
class PartnerPrincipal:
    tenant_id: str
    partner_id: str
    contact_id: str
    role: str
    email: str
    name: str
    session_hash: str
    csrf_token: str

    @property
    def actor(self) -> str:
        return f"contact:{self.contact_id}"

    def may(self, resource: str, action: str) -> bool:
        return allows(self.role, resource, action)


@dataclass(frozen=True)
class AdminPrincipal:
    """A signed-in admin. ``roles`` are their membership's roles in this tenant as the session began."""

    tenant_id: str
    email: str
    roles: tuple[str, ...]
    session_hash: str
    csrf_token: str

    @property
    def actor(self) -> str:
        return f"admin:{self.email}"

    @property
    def name(self) -> str:
        return self.email

    def may(self, resource: str, action: str) -> bool:
        """An admin holding several roles may do what any one of them may."""
        return any(allows(role, resource, action) for role in self.roles)


@dataclass(frozen=True)
class ImportKeyPrincipal:
    """An ERP pushing imports with one of the tenant's keys."""

    tenant_id: str
    key_id: str
    name: str
    kinds: tuple[str, ...] = ()  # what the key may push

    @property
    def actor(self) -> str:
        return f"import_key:{self.key_id}"

    def may(self, resource: str, action: str) -> bool:
        return (resource, action) == ("imports", "push")


Principal = PartnerPrincipal | AdminPrincipal | ImportKeyPrincipal
