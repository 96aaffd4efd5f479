"""The partner dashboard: who is signed in, for which partner, and what needs their attention.

Two round trips with the session check: the partner (name, brand) comes from the per-process
cache pages already use, and the updates are one Query, which reads the latest order changes too
(``lookups.models.orders.OrderChanges`` lives among the updates).
"""

from __future__ import annotations

from dataclasses import dataclass

from portside import clock
from portside.auth.matrix import PARTNER_ROLE_LABELS
from portside.auth.principal import PartnerPrincipal
from portside.dashboard.updates import SHOWN, latest_per_subject, updates_for
from portside.data.models.tenants import Partner, Tenant
from portside.data.models.updates import PartnerUpdate
from portside.errors import NotFound
from portside.lookups.models.orders import OrderChangeEntry, OrderChanges
from portside.web import tenants


@dataclass(frozen=True)
class DashboardView:
    partner: Partner
    contact_name: str
    email: str
    role_label: str
    updates: list[PartnerUpdate]
    order_changes: list[OrderChangeEntry]  # empty too for a contact who does not see orders


def dashboard_for(tenant: Tenant, principal: PartnerPrincipal) -> DashboardView:
    partner = tenants.cached_partner(tenant, principal.partner_id)
    if partner is None:
        raise NotFound("partner")
    role = PARTNER_ROLE_LABELS.get(principal.role, principal.role)
    found = updates_for(tenant, principal)
    digest = next((update for update in found if isinstance(update, OrderChanges)), None)
    news = latest_per_subject([update for update in found if not isinstance(update, OrderChanges)])[:SHOWN]
    since = clock.now() - OrderChanges.KEEP_FOR
    changes = [change for change in digest.changes if change.at > since] if digest else []
    return DashboardView(partner, principal.name, principal.email, role, news, changes)
