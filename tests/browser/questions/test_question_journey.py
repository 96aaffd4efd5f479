"""Questions in a real browser: a technical contact asks on a phone, ops answers at a desk, the contact reads it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.sign_in.test_sign_in_journey import VIEWPORTS
from tests.browser.test_console_journey import SHOTS, sign_in_to_console
from tests.e2e.client import link_in
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.browser


def test_a_technical_contact_asks_ops_answers_the_contact_reads_it(browser: Browser, runtime: Runtime) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    email = runtime.invite("globex", "technical")
    phone = browser.new_context(viewport=VIEWPORTS["phone"])  # type: ignore[arg-type]
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    try:
        tech = phone.new_page()
        tech.goto(link_in(runtime.wait_for_mail(email)))
        tech.get_by_role("button", name="Sign in as").click()
        tech.get_by_role("link", name="Ask it here").click()
        tech.get_by_label("Subject").fill("Kiosk screen brightness")
        tech.get_by_label("Question").fill("Can the kiosks dim at night?")
        tech.get_by_label("Related deal (optional)").select_option(label="Massive Dynamic kiosks (Massive Dynamic)")
        tech.screenshot(path=SHOTS / "question-phone-1-ask.png", full_page=True)
        tech.get_by_role("button", name="Send the question").click()
        expect(tech.get_by_text("Not answered yet.")).to_be_visible()
        assert tech.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        question_url = tech.url.split("?")[0]

        ops = desktop.new_page()
        sign_in_to_console(ops, runtime, "ops@northwind.example")
        ops.get_by_role("navigation", name="Main").get_by_role("link", name="Questions").click()
        ops.get_by_role("link", name="Kiosk screen brightness").click()
        ops.get_by_label("Your answer").fill("Yes: set a schedule under Display, Night mode.")
        ops.screenshot(path=SHOTS / "question-desktop-2-answer.png", full_page=True)
        ops.get_by_role("button", name="Send the answer").click()
        expect(ops.get_by_text("Answer saved.")).to_be_visible()

        tech.goto(question_url)
        expect(tech.get_by_text("Yes: set a schedule under Display, Night mode.")).to_be_visible()
        tech.screenshot(path=SHOTS / "question-phone-3-answered.png", full_page=True)
        tech.goto(f"{runtime.base_url}/partners/dashboard")
        expect(tech.get_by_role("link", name="Answered: Kiosk screen brightness")).to_be_visible()
    finally:
        phone.close()
        desktop.close()
