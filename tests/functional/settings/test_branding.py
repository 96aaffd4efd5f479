"""Branding: the tenant's brand and a partner's override, with a checked logo upload (owner only)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from infra.local.seed import TENANT_ID
from portside.aws import client
from portside.config import settings
from portside.data import reads
from portside.data.models.records import AuditEvent
from tests.functional.portal import Answer, Portal

OWNER, OPS = "owner@northwind.example", "ops@northwind.example"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
BRAND = {"name": "Northwind Partners", "primary_colour": "#0B3D5C", "footer_text": "Support: +44 20 0000 0000"}


def save(portal: Portal, path: str, **form: str) -> Answer:
    version = portal.get(path).field("version")
    return portal.admin_post(path, {"version": version, **form})


def upload(portal: Portal, path: str, content: bytes) -> str:
    """What the browser does with the page's presigned POST: the file lands under the key the form names."""
    page = portal.get(path)
    key = page.field("key")
    client("s3").put_object(Bucket=settings().documents_bucket, Key=key, Body=content)
    return key.rsplit("/", 1)[-1]


def test_the_owner_sets_the_tenant_brand_and_partner_pages_show_it(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OWNER)

    saved = save(portal, "/admin/settings/branding", **BRAND)

    assert saved.location == "/admin/settings/branding?notice=saved"
    tenant = reads.tenant(TENANT_ID)
    assert tenant is not None and (tenant.brand.name, tenant.brand.primary_colour) == ("Northwind Partners", "#0b3d5c")
    assert [e.action for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))].count("tenant.brand_updated") == 1
    portal.jar.clear()
    portal.sign_in("principal@globex.example")
    dashboard = portal.get("/partners/dashboard").body
    assert "Northwind Partners" in dashboard and "--brand:#0b3d5c" in dashboard and "Support: +44" in dashboard


@pytest.mark.parametrize("colour", ["#ffff00", "#a0a0a0", "red", "#12345"])
def test_a_colour_white_text_cannot_be_read_on_is_refused(
    portal: Portal, admin_pool: dict[str, Any], colour: str
) -> None:
    portal.admin_sign_in(OWNER)

    refused = save(portal, "/admin/settings/branding", **{**BRAND, "primary_colour": colour})

    assert refused.status == 400 and 'id="primary_colour-error"' in refused.body and "contrast 4.5:1" in refused.body
    assert reads.tenant(TENANT_ID).brand.name == "Northwind Distribution"  # type: ignore[union-attr]


def test_ops_cannot_change_branding(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)

    assert portal.get("/admin/settings/branding").status == 403
    assert portal.admin_post("/admin/settings/branding", {**BRAND, "version": "1"}).status == 403
    assert portal.get("/admin/partners/acme/brand").status == 403
    assert reads.tenant(TENANT_ID).brand.name == "Northwind Distribution"  # type: ignore[union-attr]


def test_a_logo_is_uploaded_to_s3_checked_published_and_served(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OWNER)
    page = portal.get("/admin/settings/branding")
    s3_origin = re.search(r'<form method="post" action="(https?://[^/"]+)', page.body)
    assert s3_origin and f"form-action 'self' {s3_origin.group(1)}" in page.headers["Content-Security-Policy"]

    upload_id = upload(portal, "/admin/settings/branding", PNG)
    returned = portal.get(f"/admin/settings/branding?uploaded={upload_id}")
    assert "Logo uploaded" in returned.body and returned.field("logo_upload") == upload_id
    assert save(portal, f"/admin/settings/branding?uploaded={upload_id}", **BRAND, logo_upload=upload_id).status == 303

    logo_url = reads.tenant(TENANT_ID).brand.logo_url  # type: ignore[union-attr]
    assert logo_url == f"/brand/logo/{upload_id}"
    served = portal.get(logo_url)
    assert served.status == 200 and served.headers["Content-Type"] == "image/png"
    assert "public" in served.headers["Cache-Control"]
    assert f'<img src="{logo_url}"' in portal.get("/partners/login").body
    icon = portal.get("/favicon.ico")
    assert icon.status == 302 and icon.location == logo_url and "public" in icon.headers["Cache-Control"]


def test_without_a_logo_the_tab_icon_is_the_brands_initial_on_its_colour(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(OWNER)
    save(portal, "/admin/settings/branding", **{**BRAND, "name": "<Northwind & Co>"})

    icon = portal.get("/favicon.ico")

    assert icon.status == 200 and icon.headers["Content-Type"] == "image/svg+xml"
    assert 'fill="#0b3d5c"' in icon.body.lower() and ">N</text>" in icon.body and "<Northwind" not in icon.body


def test_an_icon_is_drawn_for_any_name_and_colour_a_brand_may_hold() -> None:
    from portside.data.models.tenants import Brand
    from portside.settings.favicon import initial_icon, own_logo

    assert ">P</text>" in initial_icon(Brand(name="***", primary_colour="not a colour"))
    assert 'fill="#1d4ed8"' in initial_icon(Brand(name="x", primary_colour='#000" onload="x'))
    assert own_logo(Brand(name="x", logo_url="https://cdn.example/logo.png")) is None


@pytest.mark.parametrize(
    "content",
    [b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", b"<html>", PNG + b"\x00" * 210_000],
    ids=["svg", "html", "too-large"],
)
def test_a_file_that_is_not_a_small_png_jpeg_or_webp_is_refused(
    portal: Portal, admin_pool: dict[str, Any], content: bytes
) -> None:
    portal.admin_sign_in(OWNER)
    upload_id = upload(portal, "/admin/settings/branding", content)

    refused = save(portal, "/admin/settings/branding", **BRAND, logo_upload=upload_id)

    assert refused.status == 400 and "PNG, JPEG or WebP" in refused.body
    assert reads.tenant(TENANT_ID).brand.logo_url is None  # type: ignore[union-attr]
    assert portal.get(f"/brand/logo/{upload_id}").status == 404  # an unchecked upload is never served


def test_a_logo_is_served_only_to_its_own_tenant(portal: Portal, admin_pool: dict[str, Any]) -> None:
    client("s3").put_object(Bucket=settings().documents_bucket, Key="brand/other-tenant/" + "a" * 32, Body=PNG)

    assert portal.get("/brand/logo/" + "a" * 32).status == 404
    assert portal.get("/brand/logo/not-an-id").status == 404


def test_a_partner_override_dresses_its_contacts_pages_and_mails_only(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(OWNER)

    saved = save(portal, "/admin/partners/acme/brand", name="Acme Partner Hub", primary_colour="#7a1f1f")

    assert saved.location == "/admin/partners/acme/brand?notice=saved"
    assert "Acme Partner Hub (its own)" in portal.get("/admin/partners/acme").body
    portal.jar.clear()
    portal.sign_in("sales@acme.example")
    assert "Acme Partner Hub" in portal.get("/partners/dashboard").body
    assert "Acme Partner Hub" in portal.last_mail_to("sales@acme.example").text
    portal.jar.clear()
    portal.sign_in("sales@globex.example")
    assert "Acme Partner Hub" not in portal.get("/partners/dashboard").body

    portal.jar.clear()
    portal.admin_sign_in(OWNER)
    cleared = save(portal, "/admin/partners/acme/brand", use_tenant_brand="true")
    assert cleared.location == "/admin/partners/acme/brand?notice=cleared"
    assert reads.partner(TENANT_ID, "acme").brand_override is None  # type: ignore[union-attr]


def test_back_from_s3_the_page_says_uploaded_only_of_a_file_that_passed_the_checks(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(OWNER)
    good = upload(portal, "/admin/settings/branding", PNG)
    bad = upload(portal, "/admin/settings/branding", b"<svg onload=alert(1)></svg>")

    after_good = portal.get(f"/admin/settings/branding?uploaded={good}").body
    after_bad = portal.get(f"/admin/settings/branding?uploaded={bad}").body

    assert "Logo uploaded and checked (PNG, 0.1 KB)" in after_good and f'value="{good}"' in after_good
    assert "uploaded and checked" not in after_bad and "That file was not used" in after_bad
    assert f'value="{bad}"' not in after_bad


def test_a_refused_partner_brand_keeps_its_partner(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OWNER)
    version = portal.get("/admin/partners/globex/brand").field("version")

    refused = portal.admin_post(
        "/admin/partners/globex/brand", {"name": "", "primary_colour": "#0b3d5c", "version": version}
    )

    assert refused.status == 400
    assert "Brand of Globex Retail" in refused.body and 'href="/admin/partners/globex"' in refused.body
    assert 'action="/admin/partners/globex/brand"' in refused.body
