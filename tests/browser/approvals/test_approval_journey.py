"""A special price in a real browser: a principal asks on a phone (a price above today's is shown
again with its reason), finance approves at a desk, and the principal's price list shows it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from infra.local.demo_lookups import catalogue
from tests.browser.sign_in.test_sign_in_journey import VIEWPORTS
from tests.browser.test_console_journey import SHOTS, sign_in_to_console
from tests.e2e.client import link_in
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.browser
SKU = "NW-SRV-1050"  # a SKU no other test asks about


def test_a_principal_asks_for_a_special_price_finance_approves_it(browser: Browser, runtime: Runtime) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    list_price = next(price for sku, _, _, price in catalogue() if sku == SKU)
    asked = f"{list_price * 0.72 / 100:.2f}"  # within the demo's four-eyes threshold
    email = runtime.invite("acme", "principal")
    phone = browser.new_context(viewport=VIEWPORTS["phone"])  # type: ignore[arg-type]
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    try:
        principal = phone.new_page()
        principal.goto(link_in(runtime.wait_for_mail(email)))
        principal.get_by_role("button", name="Sign in as").click()
        principal.goto(f"{runtime.base_url}/partners/prices?sku={SKU}")
        principal.get_by_role("link", name="Ask for a special price").first.click()
        expect(principal.get_by_label("Product SKU")).to_have_value(SKU)
        principal.get_by_label("Requested unit price (USD)").fill(f"{list_price / 100:.2f}")
        principal.get_by_label("Quantity").fill("25")
        principal.get_by_label("Reason").fill("Vandelay wants 25 for its new office.")
        principal.get_by_role("button", name="Send to finance").click()
        expect(
            principal.get_by_role("alert").get_by_role("link", name=re.compile("Requested unit price"))
        ).to_be_visible()
        expect(principal.get_by_label("Reason")).to_have_value("Vandelay wants 25 for its new office.")
        principal.get_by_label("Requested unit price (USD)").fill(asked)
        principal.screenshot(path=SHOTS / "approval-phone-1-ask.png", full_page=True)
        principal.get_by_role("button", name="Send to finance").click()
        expect(principal.get_by_text("Waiting for finance")).to_be_visible()
        assert principal.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        principal.screenshot(path=SHOTS / "approval-phone-2-waiting.png", full_page=True)
        request_url = principal.url.split("?")[0]

        finance = desktop.new_page()
        sign_in_to_console(finance, runtime, "finance@northwind.example")
        expect(finance.get_by_role("link", name=re.compile(r"\d+ pricing and credit requests?"))).to_be_visible()
        finance.get_by_role("navigation", name="Main").get_by_role("link", name="Pricing and credit approvals").click()
        finance.get_by_role("link", name=f"Special price: {SKU}").last.click()
        expect(finance.get_by_text("Unit cost")).to_be_visible()
        finance.get_by_label("Note to the partner").fill("Agreed for Vandelay.")
        finance.screenshot(path=SHOTS / "approval-desktop-3-review.png", full_page=True)
        finance.get_by_role("button", name="Approve").click()
        expect(finance.get_by_text("Approved and applied. The partner is mailed.")).to_be_visible()

        principal.goto(request_url)
        expect(principal.get_by_text("Approved", exact=True)).to_be_visible()
        principal.goto(f"{runtime.base_url}/partners/prices?sku={SKU}")
        expect(principal.get_by_text(f"${float(asked):,.2f}")).to_be_visible()
        principal.screenshot(path=SHOTS / "approval-phone-4-price-list.png", full_page=True)
    finally:
        phone.close()
        desktop.close()
