"""The owner's tenant settings: help contact everywhere partners look, bounded lengths, audited changes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from infra.local.seed import TENANT_ID
from portside.data import reads
from portside.data.models.records import AuditEvent
from portside.data.models.tenants import Tenant
from portside.web import tenants
from tests.functional.portal import Answer, Portal

OWNER, OPS = "owner@northwind.example", "ops@northwind.example"
SETTINGS = {
    "support_email": "Partners@Northwind.example",
    "support_phone": "+1 555 0100",
    "sign_in_link_minutes": "15",
    "session_days": "14",
    "session_idle_minutes": "",
    "deal_protection_days": "60",
    "salespeople_see_only_own_deals": "true",
}


def save(portal: Portal, **changes: str) -> Answer:
    form = portal.get("/admin/settings")
    return portal.admin_post("/admin/settings", {**SETTINGS, "version": form.field("version"), **changes})


def test_the_owner_saves_settings_and_they_are_audited(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OWNER)

    saved = save(portal)

    assert saved.status == 303 and saved.location == "/admin/settings?notice=saved"
    tenant = reads.tenant(TENANT_ID)
    assert tenant is not None
    assert (tenant.support_email, tenant.support_phone) == ("partners@northwind.example", "+1 555 0100")
    assert (tenant.sign_in_link_minutes, tenant.session_days, tenant.deal_protection_days) == (15, 14, 60)
    assert tenant.session_idle_minutes is None and tenant.salespeople_see_only_own_deals
    (event,) = [
        e for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)) if e.action == "tenant.settings_updated"
    ]
    assert event.details.as_dict()["session_days"] == "14"  # type: ignore[union-attr]
    page = portal.get("/admin/settings?notice=saved").body
    assert "Settings saved" in page and 'value="14"' in page


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("session_days", "31", "from 1 to 30"),
        ("sign_in_link_minutes", "9", "from 10 to 30"),
        ("sign_in_link_minutes", "31", "from 10 to 30"),
        ("session_idle_minutes", "5", "from 15 to 1440"),
        ("deal_protection_days", "0", "from 1 to 365"),
        ("support_email", "not an address", "partners@company.com"),
        ("support_phone", "call me\r\nmaybe", "one line"),
    ],
)
def test_out_of_bounds_settings_are_refused_with_what_was_typed(
    portal: Portal, admin_pool: dict[str, Any], field: str, value: str, says: str
) -> None:
    portal.admin_sign_in(OWNER)
    before = reads.tenant(TENANT_ID)

    refused = save(portal, **{field: value})

    assert refused.status == 400 and says in refused.body
    assert 'class="error-summary"' in refused.body and f'href="#{field}"' in refused.body
    assert reads.tenant(TENANT_ID).version == before.version  # type: ignore[union-attr]


def test_two_owners_saving_at_once_cannot_overwrite_each_other(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OWNER)
    stale = portal.get("/admin/settings").field("version")
    save(portal, session_days="20")

    late = portal.admin_post("/admin/settings", {**SETTINGS, "version": stale, "session_days": "5"})

    assert late.status == 409 and reads.tenant(TENANT_ID).session_days == 20  # type: ignore[union-attr]


def test_settings_are_the_owners_and_the_refusal_says_whose(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)

    refused = portal.get("/admin/settings")

    assert refused.status == 403 and "It is for the owner role" in refused.body


def test_the_help_contact_shows_in_the_footer_on_error_pages_and_in_mail(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(OWNER)
    save(portal)
    tenants.forget_cached_tenants()
    portal.jar.clear()

    portal.sign_in("tech@acme.example")
    dashboard = portal.get("/partners/dashboard").body
    refused = portal.get("/partners/deals/new")
    mail = portal.last_mail_to("tech@acme.example")

    assert 'href="mailto:partners@northwind.example"' in dashboard and "+1 555 0100" in dashboard
    assert refused.status == 403 and "Need help? Write to" in refused.body
    assert "It is for the principal or salesperson role" in refused.body
    assert "Questions? Write to partners@northwind.example or call +1 555 0100." in mail.text
    assert 'href="mailto:partners@northwind.example"' in mail.html


def test_a_session_never_lasts_more_than_30_days_whatever_is_stored(portal: Portal) -> None:
    tenant = reads.tenant(TENANT_ID)
    assert tenant is not None
    tenant.update(actions=[Tenant.session_days.set(365)])
    tenants.forget_cached_tenants()

    signed_in = portal.sign_in("principal@acme.example")

    assert "Max-Age=2592000" in (signed_in.cookie("__Host-portside-session") or "")
    portal.advance_clock(timedelta(days=30, seconds=1))
    assert portal.get("/partners/dashboard").location.startswith("/partners/login")
