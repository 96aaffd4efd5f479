"""The console in a real browser: an owner brands a partner (with a logo uploaded straight to S3), ops adds a
contact at desktop width, and the new contact's first page, on a phone, wears the partner's brand."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from infra.local.seed import ADMIN_PASSWORD
from infra.local.totp import unused_code
from tests.browser.sign_in.test_sign_in_journey import VIEWPORTS
from tests.e2e.client import link_in
from tests.e2e.runtime import ARTIFACTS, Runtime

pytestmark = pytest.mark.browser
SHOTS = ARTIFACTS / "screenshots"


def tiny_png(path: Path) -> Path:
    """A valid 1x1 PNG, as an admin's logo file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x0f\x5b\x7a"))
        + chunk(b"IEND", b"")
    )
    return path


def sign_in_to_console(page: Page, runtime: Runtime, email: str, shot: str | None = None) -> None:
    page.goto(f"{runtime.base_url}/admin/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    if shot:
        page.screenshot(path=SHOTS / f"{shot}-1-login.png", full_page=True)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    page.get_by_label("6-digit code").fill(unused_code(email, at_least=15))
    if shot:
        page.screenshot(path=SHOTS / f"{shot}-2-code.png", full_page=True)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{runtime.base_url}/admin")


def test_an_owner_brands_a_partner_ops_adds_a_contact_who_sees_the_brand(
    browser: Browser, runtime: Runtime, tmp_path: Path
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    phone = browser.new_context(viewport=VIEWPORTS["phone"])  # type: ignore[arg-type]
    try:
        owner = desktop.new_page()
        sign_in_to_console(owner, runtime, "owner@northwind.example")
        owner.goto(f"{runtime.base_url}/admin/partners/globex/brand")
        owner.get_by_label("Logo file").set_input_files(tiny_png(tmp_path / "logo.png"))
        owner.get_by_role("button", name="Upload").click()  # straight to S3, which sends the browser back
        expect(owner.get_by_text("Logo uploaded and checked")).to_be_visible()
        owner.get_by_label("Name", exact=True).fill("Globex Partner Hub")
        owner.get_by_label("Primary colour").fill("#6b21a8")
        owner.get_by_role("button", name="Save brand").click()
        expect(owner.get_by_text("Brand override saved")).to_be_visible()
        owner.screenshot(path=SHOTS / "console-desktop-0-partner-brand.png", full_page=True)
        owner.get_by_role("button", name="Sign out").click()

        ops = desktop.new_page()
        sign_in_to_console(ops, runtime, "ops@northwind.example", shot="console-desktop")
        ops.get_by_role("link", name="Partners").first.click()
        ops.get_by_role("link", name="Globex Retail").click()
        ops.get_by_role("link", name="Add a contact").click()
        email = "browser.contact@globex.example"
        ops.get_by_label("Name").fill("Browser Contact")
        ops.get_by_label("Email").fill(email)
        ops.get_by_role("radio", name=re.compile("Technical")).check()
        ops.screenshot(path=SHOTS / "console-desktop-3-add-contact.png", full_page=True)
        ops.get_by_role("button", name="Add contact and send invite").click()
        expect(ops.get_by_text("Contact added. The invite mail is on its way.")).to_be_visible()
        expect(ops.get_by_role("cell", name=re.compile("^Browser Contact"))).to_be_visible()
        ops.screenshot(path=SHOTS / "console-desktop-4-partner.png", full_page=True)

        partner = phone.new_page()
        partner.goto(link_in(runtime.wait_for_mail(email)))
        partner.get_by_role("button", name="Sign in as").click()
        expect(partner).to_have_url(f"{runtime.base_url}/partners/dashboard")
        expect(partner.get_by_role("link", name="Globex Partner Hub")).to_be_visible()
        logo = partner.locator("header.site img")
        expect(logo).to_have_attribute("src", re.compile(r"^/brand/logo/[0-9a-f]{32}$"))
        assert logo.evaluate("image => image.naturalWidth") == 1  # served, and a real image
        assert partner.evaluate("getComputedStyle(document.querySelector('header.site')).backgroundColor") == (
            "rgb(107, 33, 168)"
        )
        assert partner.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        partner.screenshot(path=SHOTS / "console-phone-5-partner-first-page.png", full_page=True)
    finally:
        desktop.close()
        phone.close()
