"""The magic-link sign-in journey in a real browser, at phone and desktop widths."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.client import link_in
from tests.e2e.runtime import ARTIFACTS, Runtime

pytestmark = pytest.mark.browser

# 390x844 and 1280x800 as the issue asks; 360x740, the narrowest width the design promises.
VIEWPORTS = {
    "phone": {"width": 390, "height": 844},
    "small-phone": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 800},
}


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_a_partner_signs_in_by_magic_link(browser: Browser, runtime: Runtime, device: str) -> None:
    partner_id = "globex" if device == "desktop" else "acme"
    email = runtime.invite(partner_id, "salesperson")
    partner = {"acme": "Acme Resellers", "globex": "Globex Retail"}[partner_id]
    context = browser.new_context(viewport=VIEWPORTS[device])  # type: ignore[arg-type]
    page = context.new_page()
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    try:
        page.goto(f"{runtime.base_url}/partners/dashboard")
        expect(page).to_have_url(f"{runtime.base_url}/partners/login?next=/partners/dashboard")
        page.get_by_label("Email").fill(email)
        page.screenshot(path=shots / f"{device}-1-login.png", full_page=True)
        already = runtime.count_mail(email)
        page.get_by_role("button", name="Email me a sign-in link").click()
        expect(page.get_by_role("heading", name="Check your mail")).to_be_visible()
        page.screenshot(path=shots / f"{device}-2-check-mail.png", full_page=True)

        page.goto(link_in(runtime.wait_for_mail(email, already)))
        button = page.get_by_role("button", name="Sign in as")
        expect(button).to_be_visible()
        page.screenshot(path=shots / f"{device}-3-confirm.png", full_page=True)
        button.click()

        expect(page).to_have_url(f"{runtime.base_url}/partners/dashboard")
        expect(page.get_by_role("heading", name="Welcome, Test Salesperson")).to_be_visible()
        expect(page.get_by_text(partner)).to_be_visible()
        expect(page.get_by_text("Powered by Portside")).to_be_visible()
        # Mobile first: nothing wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[device]["width"]
        page.screenshot(path=shots / f"{device}-4-dashboard.png", full_page=True)

        if device != "desktop":  # on a phone, navigation and sign-out fold into the menu
            page.get_by_text("Menu", exact=True).click()
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_text("You are signed out.")).to_be_visible()
        page.goto(f"{runtime.base_url}/partners/dashboard")
        expect(page).to_have_url(f"{runtime.base_url}/partners/login?next=/partners/dashboard")
    finally:
        context.close()
