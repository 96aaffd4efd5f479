"""Training in a real browser: a technical contact fails and then passes a quiz on a phone (radio
buttons and checkboxes, no script), and prints the certificate at a desk on one A4 and one Letter page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from infra.local.demo_training import BASICS_QUIZ
from tests.browser.sign_in.test_sign_in_journey import VIEWPORTS
from tests.browser.test_console_journey import SHOTS
from tests.e2e.client import link_in
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.browser


def answer(page: Page, wrong: tuple[int, ...] = ()) -> None:
    """Tick each question's right options, or one wrong option for the question numbers in ``wrong``."""
    for number, (text, options, correct) in enumerate(BASICS_QUIZ, start=1):
        group = page.get_by_role("group", name=re.compile(re.escape(f"{number}. {text}")))
        chosen = [next(i for i in range(len(options)) if i not in correct)] if number in wrong else correct
        for index in chosen:
            group.get_by_label(options[index], exact=True).check()


def pages_in(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_a_technical_contact_passes_on_a_phone_and_prints_at_a_desk(browser: Browser, runtime: Runtime) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    email = runtime.invite("acme", "technical")
    phone = browser.new_context(viewport=VIEWPORTS["phone"])  # type: ignore[arg-type]
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    try:
        tech = phone.new_page()
        tech.goto(link_in(runtime.wait_for_mail(email)))
        tech.get_by_role("button", name="Sign in as").click()
        tech.goto(f"{runtime.base_url}/partners/training")
        tech.get_by_role("link", name=re.compile("Northwind partner basics")).click()
        answer(tech, wrong=(4, 5))
        tech.get_by_role("button", name="Submit my answers").click()
        expect(tech.get_by_text("Not passed: 60%")).to_be_visible()
        expect(tech.get_by_text("Questions 4, 5 were not right.")).to_be_visible()
        answer(tech)
        tech.screenshot(path=SHOTS / "training-phone-1-quiz.png", full_page=True)
        tech.get_by_role("button", name="Submit my answers").click()
        expect(tech.get_by_text("Passed: 100%")).to_be_visible()
        assert tech.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        tech.screenshot(path=SHOTS / "training-phone-2-passed.png", full_page=True)
        tech.get_by_role("link", name="See and print your certificate").click()
        certificate_url = tech.url

        desktop.add_cookies(phone.cookies())
        desk = desktop.new_page()
        desk.goto(certificate_url)
        expect(desk.get_by_role("heading", name="Certificate of completion")).to_be_visible()
        desk.screenshot(path=SHOTS / "training-desktop-3-certificate.png", full_page=True)
        desk.emulate_media(media="print")
        expect(desk.get_by_role("navigation", name="Main")).to_be_hidden()
        for paper in ("A4", "Letter"):
            pdf = desk.pdf(format=paper, print_background=True)
            assert pages_in(pdf) == 1, f"the certificate takes {pages_in(pdf)} {paper} pages"
        code = desk.locator("code").inner_text()
        desk.goto(f"{runtime.base_url}/verify/{code}")
        expect(desk.get_by_text("Valid.")).to_be_visible()
    finally:
        phone.close()
        desktop.close()
