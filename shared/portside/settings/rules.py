"""The tenant's settings, as its owner edits them: help contact, sign-in and session lengths, deal rules,
the four-eyes thresholds of pricing and credit approvals, the certificate deal registration needs.

Each bound is the design's: a sign-in link lives 10 to 30 minutes (OWASP ASVS level 2 sets 10 as
the ceiling for out-of-band tokens; a tenant may lengthen it, and the page says what that costs),
a session at most 30 days. A change is version-checked and audited with what changed, and
shows on pages within a minute (the per-process tenant cache).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portside.audit import Client, audit_event
from portside.data.models.tenants import Tenant
from portside.errors import Conflict
from portside.training.rights import checked_gate
from portside.web import tenants

MAX_SESSION_DAYS = 30


@dataclass(frozen=True)
class TenantSettings:
    support_email: str | None
    support_phone: str | None
    sign_in_link_minutes: int
    session_days: int
    session_idle_minutes: int | None
    deal_protection_days: int
    salespeople_see_only_own_deals: bool
    stock_quantities_shown: bool = False
    second_approval_discount_percent: int | None = None  # four eyes beyond this discount off the list price
    second_approval_credit_change: int | None = None  # four eyes beyond this credit limit change, minor units
    deal_registration_module: str | None = None  # a training module whose current certificate registering needs

    @classmethod
    def of(cls, tenant: Tenant) -> TenantSettings:
        return cls(
            support_email=tenant.support_email,
            support_phone=tenant.support_phone,
            sign_in_link_minutes=int(tenant.sign_in_link_minutes or 10),
            session_days=min(int(tenant.session_days or MAX_SESSION_DAYS), MAX_SESSION_DAYS),
            session_idle_minutes=int(tenant.session_idle_minutes) if tenant.session_idle_minutes else None,
            deal_protection_days=int(tenant.deal_protection_days or 90),
            salespeople_see_only_own_deals=bool(tenant.salespeople_see_only_own_deals),
            stock_quantities_shown=bool(tenant.stock_quantities_shown),
            second_approval_discount_percent=_whole(tenant.second_approval_discount_percent),
            second_approval_credit_change=_whole(tenant.second_approval_credit_change),
            deal_registration_module=tenant.deal_registration_module,
        )


def _whole(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


def _number_or_none(attribute: Any, value: int | None) -> list[Any]:
    return [attribute.set(value) if value is not None else attribute.remove()]


def update_settings(tenant_id: str, version: int, wanted: TenantSettings, actor: str, client: Client) -> None:
    tenant = tenants.fresh_tenant(tenant_id)
    checked_gate(tenant, wanted.deal_registration_module, "deal_registration_module")
    if tenant.version != version:  # after the gate: an unknown module is bad input, whatever the version
        raise Conflict(f"tenant {tenant_id} is at version {tenant.version}, the form at {version}")
    before = TenantSettings.of(tenant)
    changed = {name: str(value) for name, value in vars(wanted).items() if getattr(before, name) != value}
    if not changed:
        return
    tenants.save_tenant_change(
        tenant,
        [
            Tenant.support_email.set(wanted.support_email) if wanted.support_email else Tenant.support_email.remove(),
            Tenant.support_phone.set(wanted.support_phone) if wanted.support_phone else Tenant.support_phone.remove(),
            Tenant.sign_in_link_minutes.set(wanted.sign_in_link_minutes),
            Tenant.session_days.set(wanted.session_days),
            Tenant.session_idle_minutes.set(wanted.session_idle_minutes)
            if wanted.session_idle_minutes
            else Tenant.session_idle_minutes.remove(),
            Tenant.deal_protection_days.set(wanted.deal_protection_days),
            Tenant.salespeople_see_only_own_deals.set("yes")
            if wanted.salespeople_see_only_own_deals
            else Tenant.salespeople_see_only_own_deals.remove(),
            Tenant.stock_quantities_shown.set("yes")
            if wanted.stock_quantities_shown
            else Tenant.stock_quantities_shown.remove(),
            *_number_or_none(Tenant.second_approval_discount_percent, wanted.second_approval_discount_percent),
            *_number_or_none(Tenant.second_approval_credit_change, wanted.second_approval_credit_change),
            Tenant.deal_registration_module.set(wanted.deal_registration_module)
            if wanted.deal_registration_module
            else Tenant.deal_registration_module.remove(),
        ],
        audit_event(tenant_id, actor, "tenant.settings_updated", f"tenant:{tenant_id}", client, **changed),
    )
