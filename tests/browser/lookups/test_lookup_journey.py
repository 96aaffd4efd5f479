"""Lookups in a real browser: a salesperson on a phone finds an order by the PO number and follows it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.sign_in.test_sign_in_journey import VIEWPORTS
from tests.browser.test_console_journey import SHOTS
from tests.e2e.client import link_in
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.browser


def test_a_salesperson_finds_an_order_by_po_number_on_a_phone(browser: Browser, runtime: Runtime) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    email = runtime.invite("acme", "salesperson")
    phone = browser.new_context(viewport=VIEWPORTS["phone"])  # type: ignore[arg-type]
    try:
        sales = phone.new_page()
        sales.goto(link_in(runtime.wait_for_mail(email)))
        sales.get_by_role("button", name="Sign in as").click()
        sales.get_by_text("Menu").click()
        sales.get_by_role("link", name="Orders").first.click()
        expect(sales.get_by_text("Open orders, newest first.")).to_be_visible()
        sales.get_by_label("Order or PO number").fill("acme-po-7731")
        sales.get_by_role("button", name="Find").click()
        sales.get_by_role("link", name="SO-10042").click()
        expect(sales.get_by_role("heading", name="SO-10042")).to_be_visible()
        expect(sales.get_by_text("ACME-PO-7731")).to_be_visible()
        tracking = sales.get_by_role("link", name=re.compile(r"^1Z\d+$"))
        expect(tracking).to_have_attribute("href", re.compile(r"^https://www\.(ups|fedex|dhl)\.com/"))
        assert sales.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        sales.screenshot(path=SHOTS / "orders-phone-1-order.png", full_page=True)
    finally:
        phone.close()
