"""Every partner page on the narrowest phone the design promises: nothing a person came for is off-screen, and
every control a thumb presses is at least 44 by 44 px.

The walk is over the manifest's partner pages, each reached as a person reaches it (a record's page by the
first link to one on its list), so a new page fails here until it is walked.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from portside.manifest import ROUTES, Audience
from tests.e2e.client import link_in
from tests.e2e.runtime import ARTIFACTS, Runtime

pytestmark = pytest.mark.browser
SMALL_PHONE = {"width": 360, "height": 740}
PRINCIPAL = "principal@acme.example"  # the demo's principal sees every partner page and holds a certificate

# Pages of no record, opened by their address (with what a person would have typed, where a page needs it).
OPENED = {
    "partner_dashboard": "/partners/dashboard",
    "partner_deals": "/partners/deals",
    "partner_deal_new": "/partners/deals/new",
    "partner_questions": "/partners/questions",
    "partner_question_new": "/partners/questions/new",
    "partner_documents": "/partners/documents",
    "partner_orders": "/partners/orders",
    "partner_stock": "/partners/stock?q=NW",
    "partner_prices": "/partners/prices",
    "partner_account": "/partners/account",
    "partner_requests": "/partners/requests",
    "partner_request_new": "/partners/requests/new?type=special_price",
    "partner_training": "/partners/training",
}
# A record's page: the page that links to it, and the links to pick the first of.
FOLLOWED = {
    "partner_deal": ("/partners/deals", "main a[href^='/partners/deals/']:not([href$='/new'])"),
    "partner_question": ("/partners/questions", "main a[href^='/partners/questions/']:not([href$='/new'])"),
    "partner_order": ("/partners/orders", "main a[href^='/partners/orders/']"),
    "partner_request": ("/partners/requests", "main a[href^='/partners/requests/']:not([href*='/new'])"),
    "partner_training_module": ("/partners/training", "main a[href^='/partners/training/']"),
    "partner_training_certificate": ("/partners/training/demo-basics", "main a[href$='/certificate']"),
}

# Cells that do not fit between the screen's edges, inside a scrolling wrapper or not; a header row hidden to the
# eye (its cells' names stand beside each value on a phone) is not shown, so it is not looked at.
CELLS_OFF_SCREEN = """() => [...document.querySelectorAll('main td, main th')]
    .filter(cell => cell.offsetParent !== null)
    .filter(cell => { const group = cell.closest('thead, tbody, table').getBoundingClientRect();
                      return group.width > 1 && group.height > 1; })
    .map(cell => [cell, cell.getBoundingClientRect()])
    .filter(([cell, box]) => box.width > 0 && (box.left < 0 || box.right > window.innerWidth + 0.5))
    .map(([cell, box]) => `${cell.dataset.label || cell.textContent.trim().slice(0, 20)} at ${box.left}-${box.right}`)
"""

# Every control a thumb presses, but links inside a sentence of the page's text: a checkbox or radio counts with
# its label (and is itself at least 24 px), a file input as it is drawn.
SMALL_TARGETS = """() => {
  const small = [];
  const controls = document.querySelectorAll(
    'a[href], button, summary, input:not([type=hidden]), select, textarea');
  for (const control of controls) {
    if (control.offsetParent === null || control.classList.contains('skip')) continue;
    const sentence = control.closest('main p, main li, main dd');
    if (control.tagName === 'A' && getComputedStyle(control).display === 'inline' && sentence
        && sentence.textContent.trim().length > control.textContent.trim().length + 8) continue;
    let target = control;
    if (control.type === 'checkbox' || control.type === 'radio') {
      const own = control.getBoundingClientRect();
      if (own.width < 24 || own.height < 24) small.push(`${control.type} ${control.name} ${own.width}x${own.height}`);
      target = control.closest('label') || control;
    }
    const box = target.getBoundingClientRect();
    if (box.width < 44 || box.height < 44) {
      const name = (control.textContent || control.name || control.type).trim().slice(0, 30);
      small.push(`${control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""


# Landmarks a screen reader lists by name: two of one name cannot be told apart (axe: landmark-unique).
REGIONS_NAMED_ALIKE = """() => {
  const names = [...document.querySelectorAll('[role=region]')].map(region => region.getAttribute('aria-label'));
  return names.filter((name, at) => names.indexOf(name) !== at);
}"""


def partner_pages() -> set[str]:
    return {
        route.name
        for route in ROUTES
        if route.audience is Audience.PARTNER and route.kind == "page" and route.method == "GET"
    }


def test_the_walk_covers_every_partner_page() -> None:
    assert set(OPENED) | set(FOLLOWED) == partner_pages()


def sign_in(page: Page, runtime: Runtime, email: str) -> None:
    page.goto(f"{runtime.base_url}/partners/login")
    page.get_by_label("Email").fill(email)
    already = runtime.count_mail(email)
    page.get_by_role("button", name="Email me a sign-in link").click()
    page.goto(link_in(runtime.wait_for_mail(email, already)))
    page.get_by_role("button", name="Sign in as").click()
    expect(page).to_have_url(f"{runtime.base_url}/partners/dashboard")


def walked(page: Page, runtime: Runtime) -> dict[str, str]:
    """Each partner page's address, as a person reaches it."""
    addresses = dict(OPENED)
    for name, (listing, links) in FOLLOWED.items():
        page.goto(f"{runtime.base_url}{listing}")
        link = page.locator(links).first
        expect(link).to_be_visible()
        addresses[name] = link.get_attribute("href") or ""
    return addresses


def test_every_partner_page_shows_whole_on_a_small_phone(browser: Browser, runtime: Runtime) -> None:
    context = browser.new_context(viewport=SMALL_PHONE)  # type: ignore[arg-type]
    context.set_default_timeout(15_000)
    page = context.new_page()
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    found: dict[str, dict[str, list[str]]] = {}
    try:
        sign_in(page, runtime, PRINCIPAL)
        for name, address in sorted(walked(page, runtime).items()):
            answer = page.goto(f"{runtime.base_url}{address}")
            assert answer is not None and answer.status == 200, f"{name}: {address}"
            problems = {  # each kind of problem once, the first few
                "cells off-screen": sorted(set(page.evaluate(CELLS_OFF_SCREEN)))[:6],
                "targets under 44x44": sorted(set(page.evaluate(SMALL_TARGETS)))[:6],
                "regions named alike": page.evaluate(REGIONS_NAMED_ALIKE),
            }
            if page.evaluate("document.documentElement.scrollWidth") > SMALL_PHONE["width"]:
                problems["page wider than the screen"] = [address]
            page.screenshot(path=shots / f"small-phone-{name}.png", full_page=True)
            if any(problems.values()):
                found[name] = {kind: listed for kind, listed in problems.items() if listed}
    finally:
        context.close()

    assert found == {}, "\n" + json.dumps(found, indent=1)
