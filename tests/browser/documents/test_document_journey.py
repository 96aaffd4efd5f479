"""Documents in a real browser: ops uploads a guide at a desk; on a phone a technical contact finds the space
closed until they pass the module it needs, passes it, and downloads the guide."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from infra.local.demo_documents import pdf
from tests.browser.sign_in.test_sign_in_journey import VIEWPORTS
from tests.browser.test_console_journey import SHOTS, sign_in_to_console
from tests.e2e.client import link_in
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.browser

FILE_NAME = 'Guía rápida — "v2".pdf'


def test_ops_uploads_a_guide_and_a_technical_contact_downloads_it(
    browser: Browser, runtime: Runtime, tmp_path: Path
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    guide = tmp_path / FILE_NAME
    guide.write_bytes(pdf("Quick start", ("Plug it in.",)))
    email = runtime.invite("acme", "technical")
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    phone = browser.new_context(viewport=VIEWPORTS["phone"], accept_downloads=True)  # type: ignore[arg-type]
    try:
        ops = desktop.new_page()
        sign_in_to_console(ops, runtime, "ops@northwind.example")
        ops.get_by_role("navigation", name="Main").get_by_role("link", name="Documents").click()
        ops.get_by_role("link", name="Technical guides").click()
        ops.get_by_label("Title").fill("Quick start guide")
        ops.get_by_label("File").set_input_files(guide)
        ops.screenshot(path=SHOTS / "documents-desktop-1-upload.png", full_page=True)
        ops.get_by_role("button", name="Upload").click()
        expect(ops.get_by_text("Uploaded and checked")).to_be_visible()
        expect(ops.get_by_label("Title")).to_have_value("Quick start guide")
        ops.get_by_role("button", name="Save document").click()
        expect(ops.get_by_text("Document saved")).to_be_visible()
        expect(ops.get_by_role("cell", name=FILE_NAME)).to_be_visible()
        ops.screenshot(path=SHOTS / "documents-desktop-2-saved.png", full_page=True)

        tech = phone.new_page()
        tech.goto(link_in(runtime.wait_for_mail(email)))
        tech.get_by_role("button", name="Sign in as").click()
        tech.get_by_text("Menu").click()  # on a phone the navigation opens from the menu
        tech.get_by_role("link", name="Documents").first.click()
        expect(tech.get_by_role("heading", name="Technical guides")).to_be_visible()
        tech.get_by_role("link", name="Take Installing Northwind routers").click()  # the space needs it
        tech.get_by_role("group", name="1. Which port").get_by_label("Port 8").check()
        for protocol in ("OSPF", "BGP"):
            tech.get_by_role("group", name="2. Which routing protocols").get_by_label(protocol).check()
        tech.get_by_role("button", name="Submit my answers").click()
        expect(tech.get_by_text("Passed: 100%")).to_be_visible()
        tech.goto(f"{runtime.base_url}/partners/documents")
        expect(tech.get_by_role("heading", name="Price lists and terms")).to_have_count(0)
        assert tech.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        tech.screenshot(path=SHOTS / "documents-phone-3-library.png", full_page=True)
        with tech.expect_download() as downloading:
            tech.get_by_role("link", name="Quick start guide").click()
        download = downloading.value
        # The name arrives whole (unicode included); Chromium itself swaps the quotes a file system may refuse.
        assert download.suggested_filename == FILE_NAME.replace('"', "_")
        assert Path(download.path()).read_bytes() == guide.read_bytes()
    finally:
        desktop.close()
        phone.close()
