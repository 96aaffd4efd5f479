"""The partner dashboard: who is signed in, for which partner, and what they can do next."""

from __future__ import annotations

from dataclasses import dataclass

from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.models import Partner
from portside.errors import NotFound

ROLE_LABELS = {"principal": "Principal", "salesperson": "Salesperson", "technical": "Technical contact"}


@dataclass(frozen=True)
class DashboardView:
    partner: Partner
    contact_name: str
    email: str
    role_label: str


def dashboard_for(principal: PartnerPrincipal) -> DashboardView:
    partner = reads.partner(principal.tenant_id, principal.partner_id)
    if partner is None:
        raise NotFound("partner")
    return DashboardView(partner, principal.name, principal.email, ROLE_LABELS.get(principal.role, principal.role))
