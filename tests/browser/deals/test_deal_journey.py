"""Deal registration in a real browser: a salesperson registers on a phone (a mistyped amount is
shown again, and a reload does not send the form again), ops approves at a desk, the salesperson
sees it approved."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.sign_in.test_sign_in_journey import VIEWPORTS
from tests.browser.test_console_journey import SHOTS, sign_in_to_console
from tests.e2e.client import link_in
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.browser


def test_a_salesperson_registers_ops_approves_the_salesperson_sees_it(browser: Browser, runtime: Runtime) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    email = runtime.invite("acme", "salesperson")
    phone = browser.new_context(viewport=VIEWPORTS["phone"])  # type: ignore[arg-type]
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    try:
        sales = phone.new_page()
        sales.goto(link_in(runtime.wait_for_mail(email)))
        sales.get_by_role("button", name="Sign in as").click()
        sales.get_by_role("link", name="Register the deal").click()
        sales.get_by_label("Customer name").fill("Vandelay Industries")
        sales.get_by_label("Deal title").fill("Vandelay latex gloves")
        sales.get_by_label("Expected amount (USD)").fill("lots")
        sales.get_by_role("button", name="Register the deal").click()
        expect(sales.get_by_role("alert").get_by_role("link", name=re.compile("Expected amount"))).to_be_visible()
        with sales.expect_request(lambda request: request.is_navigation_request()) as reload:
            sales.reload()  # no "resubmit the form?": the refused form is shown by a GET
        assert reload.value.method == "GET"
        expect(sales.get_by_label("Deal title")).to_have_value("Vandelay latex gloves")
        sales.get_by_label("Expected amount (USD)").fill("18,250.00")
        sales.get_by_label("Description").fill("Two-year supply contract.")
        sales.screenshot(path=SHOTS / "deal-phone-1-register.png", full_page=True)
        sales.get_by_role("button", name="Register the deal").click()
        expect(sales.get_by_text("Pending approval")).to_be_visible()
        assert sales.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        sales.screenshot(path=SHOTS / "deal-phone-2-pending.png", full_page=True)
        deal_url = sales.url.split("?")[0]

        ops = desktop.new_page()
        sign_in_to_console(ops, runtime, "ops@northwind.example")
        ops.get_by_role("navigation", name="Main").get_by_role("link", name="Deal approvals").click()
        ops.get_by_role("link", name="Vandelay latex gloves").click()
        ops.get_by_label("Note to the partner").fill("Welcome aboard.")
        ops.screenshot(path=SHOTS / "deal-desktop-3-review.png", full_page=True)
        ops.get_by_role("button", name="Approve").click()
        expect(ops.get_by_text("Approved. The partner is mailed the decision.")).to_be_visible()

        sales.goto(deal_url)
        expect(sales.get_by_text("Approved", exact=True)).to_be_visible()
        expect(sales.get_by_text(re.compile("Protected until"))).to_be_visible()
        sales.screenshot(path=SHOTS / "deal-phone-4-approved.png", full_page=True)
        sales.goto(f"{runtime.base_url}/partners/dashboard")
        expect(sales.get_by_role("link", name="Deal approved: Vandelay latex gloves")).to_be_visible()
    finally:
        phone.close()
        desktop.close()
