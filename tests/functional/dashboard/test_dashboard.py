"""The dashboard: the contact's own partner, role and brand; nothing of any other partner."""

from __future__ import annotations

from portside.data.models.tenants import Brand, Partner
from tests.functional.portal import Portal


def test_the_dashboard_shows_partner_contact_role_and_brand(portal: Portal) -> None:
    portal.sign_in("sales@acme.example")

    page = portal.get("/partners/dashboard")

    assert page.status == 200
    assert "Acme Resellers" in page.body and "Acme Sales" in page.body and "Salesperson" in page.body
    assert "Northwind Distribution" in page.body and "Powered by Portside" in page.body
    assert "--brand:#0f5b7a" in page.body
    assert 'aria-current="page"' in page.body  # the navigation, from the matrix


def test_the_dashboard_points_to_training_which_every_partner_role_may_take(portal: Portal) -> None:
    for email in ("principal@acme.example", "sales@acme.example", "tech@acme.example"):
        portal.sign_in(email)

        page = portal.get("/partners/dashboard")

        assert 'under <a href="/partners/training">Training</a>' in page.body, email


def test_a_globex_contact_never_sees_acme(portal: Portal) -> None:
    portal.sign_in("principal@globex.example")

    page = portal.get("/partners/dashboard")

    assert "Globex Retail" in page.body
    assert "Acme" not in page.body and "acme" not in page.body


def test_a_partner_brand_override_replaces_the_tenants(portal: Portal) -> None:
    partner = Partner.get(*Partner.keys_for("northwind", "globex"))
    partner.brand_override = Brand(name="Globex Partner Hub", primary_colour="#7c2d12")
    partner.save()
    portal.sign_in("tech@globex.example")

    page = portal.get("/partners/dashboard")

    assert "Globex Partner Hub" in page.body and "--brand:#7c2d12" in page.body
    assert "Northwind Distribution" not in page.body


def test_a_tampered_session_cookie_is_no_session(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    contact_id, secret = portal.jar["__Host-portside-session"].split(".", 1)

    for forged in (f"globex-principal.{secret}", f"{contact_id}.{secret[:-1]}x", "garbage", ""):
        portal.jar["__Host-portside-session"] = forged
        assert portal.get("/partners/dashboard").status == 303
