"""Phones: the header is one line, every tap target is at least 44 by 44 px, the menu opens without script,
and tables that scroll sideways can be reached and named by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_console_journey import sign_in_to_console
from tests.browser.test_partner_pages_on_a_phone import CELLS_OFF_SCREEN
from tests.e2e.client import link_in
from tests.e2e.runtime import ARTIFACTS, Runtime

pytestmark = pytest.mark.browser
SMALL_PHONE = {"width": 360, "height": 740}
# What a thumb presses: the navigation, sign-out, the menu, back links, whole list rows, buttons.
TAP_TARGETS = "header a, header summary, header button, a.back, a.row, main button, a.button"


def too_small(page: Page) -> list[str]:
    """Every visible tap target smaller than 44 by 44 CSS pixels, described."""
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
            .filter(el => el.offsetParent !== null || getComputedStyle(el).position === 'fixed')
            .map(el => [el, el.getBoundingClientRect()])
            .filter(([el, box]) => box.width > 0 && (box.width < 44 || box.height < 44))
            .map(([el, box]) => `${el.tagName} "${el.textContent.trim().slice(0, 30)}" ${box.width}x${box.height}`)""",
        TAP_TARGETS,
    )


def header_lines(page: Page) -> float:
    """The header's height in lines of its tallest child: 1.0 is one line."""
    return page.evaluate(
        """() => { const h = document.querySelector('header.site');
                   const tallest = Math.max(...[...h.children].filter(c => c.offsetParent !== null)
                                              .map(c => c.getBoundingClientRect().height));
                   const style = getComputedStyle(h);
                   const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
                   return (h.getBoundingClientRect().height - padding) / tallest; }"""
    )


def test_partner_pages_fit_a_small_phone(browser: Browser, runtime: Runtime) -> None:
    email = runtime.invite("acme", "principal")
    context = browser.new_context(viewport=SMALL_PHONE)  # type: ignore[arg-type]
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        link = link_in(runtime.wait_for_mail(email))
        page.goto(link)
        page.get_by_role("button", name="Sign in as").click()
        for path in (
            "/partners/dashboard",
            "/partners/deals",
            "/partners/questions",
            "/partners/deals/demo-acme-initech",
        ):
            page.goto(f"{runtime.base_url}{path}")
            assert header_lines(page) <= 1.05, f"{path}: the header takes more than one line"
            assert too_small(page) == [], f"{path}: tap targets under 44x44"
            assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]
        page.get_by_text("Menu", exact=True).click()  # a <details>: no script needed
        expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Questions")).to_be_visible()
        assert too_small(page) == []
        page.screenshot(path=ARTIFACTS / "screenshots" / "small-phone-menu.png", full_page=True)
    finally:
        context.close()


def test_console_tables_on_a_phone_are_reachable_and_named(browser: Browser, runtime: Runtime) -> None:
    context = browser.new_context(viewport=SMALL_PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    try:
        sign_in_to_console(page, runtime, "auditor@northwind.example")
        for path in ("/admin/partners", "/admin/audit", "/admin/access-review", "/admin/partners/acme"):
            page.goto(f"{runtime.base_url}{path}")
            wraps = page.locator(".table-wrap")
            for index in range(wraps.count()):
                wrap = wraps.nth(index)
                assert wrap.get_attribute("tabindex") == "0" and wrap.get_attribute("aria-label"), path
            assert header_lines(page) <= 1.05, f"{path}: the header takes more than one line"
            assert too_small(page) == [], f"{path}: tap targets under 44x44"
    finally:
        context.close()


def test_the_audit_log_shows_every_column_on_a_desktop(browser: Browser, runtime: Runtime) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        sign_in_to_console(page, runtime, "auditor@northwind.example")
        page.goto(f"{runtime.base_url}/admin/audit")
        expect(page.get_by_role("columnheader", name="Details")).to_be_visible()
        # The longest value a detail may hold, with no space to break at (an upload key, a URL).
        page.evaluate("() => { document.querySelector('main tbody td:last-child').textContent = 'k'.repeat(500); }")

        assert page.evaluate(CELLS_OFF_SCREEN) == []
    finally:
        context.close()
