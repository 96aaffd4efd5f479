"""Who a request comes from, as the guard resolved it."""

from __future__ import annotations

from dataclasses import dataclass


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
