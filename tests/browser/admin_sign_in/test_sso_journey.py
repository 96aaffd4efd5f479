"""Single sign-on in a real browser: the demo's walk-through (docs/demo.md) for a newcomer on ``make dev``.

The demo owner signs in through the stand-in identity provider on a phone, maps a group, adds and
disables an admin at a desk, and finds each step in the audit log; someone in no mapped group is refused.
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.sign_in.test_sign_in_journey import VIEWPORTS
from tests.browser.test_console_journey import SHOTS
from tests.e2e.admin_sign_in.test_admin_sso_over_http import person
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.browser
OWNER = "olivia.owner@northwind.example"


def sign_in_through_the_provider(page: Page, runtime: Runtime, email: str) -> None:
    page.goto(f"{runtime.base_url}/admin/login")
    expect(page.get_by_text("multi-factor authentication is Northwind SSO's")).to_be_visible()
    page.get_by_role("link", name="Sign in with Northwind SSO").click()
    expect(page).to_have_url(re.compile(re.escape(runtime.sso_url) + r"/oauth2/authorize\?"))
    page.get_by_placeholder("sub").fill(email)
    page.get_by_role("button", name="Authorize").click()


def test_a_federated_owner_maps_a_group_adds_and_disables_an_admin(browser: Browser, runtime: Runtime) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    group, newcomer = f"portal-partners-{uuid.uuid4().hex[:6]}", f"fed-{uuid.uuid4().hex[:6]}@northwind.example"
    phone = browser.new_context(viewport=VIEWPORTS["phone"])  # type: ignore[arg-type]
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    try:
        page = phone.new_page()
        sign_in_through_the_provider(page, runtime, OWNER)
        expect(page).to_have_url(f"{runtime.base_url}/admin")  # the signed-in page moves on to the console
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        page.screenshot(path=SHOTS / "sso-phone-1-console.png", full_page=True)

        owner = desktop.new_page()
        sign_in_through_the_provider(owner, runtime, OWNER)
        expect(owner).to_have_url(f"{runtime.base_url}/admin")
        owner.goto(f"{runtime.base_url}/admin/sign-in-groups")
        expect(owner.get_by_role("heading", name="How admins sign in")).to_be_visible()
        owner.get_by_role("textbox", name="Group").fill(group)
        owner.get_by_label("Role", exact=True).select_option("ops")
        owner.get_by_role("button", name="Save the mapping").click()
        expect(owner.get_by_role("cell", name=group)).to_be_visible()

        owner.goto(f"{runtime.base_url}/admin/admins")
        owner.get_by_label("Email").fill(newcomer)
        owner.get_by_label("Role", exact=True).select_option("ops")
        owner.get_by_label("The company's identity provider").check()
        owner.get_by_role("button", name="Add the admin").click()
        row = owner.get_by_role("row").filter(has_text=newcomer)
        row.get_by_role("button", name="Disable").click()
        owner.get_by_role("button", name=f"Disable {newcomer}").click()  # the confirmation page's
        expect(owner.get_by_role("row").filter(has_text=newcomer)).to_contain_text("disabled")
        owner.screenshot(path=SHOTS / "sso-desktop-2-admins.png", full_page=True)

        owner.goto(f"{runtime.base_url}/admin/audit")
        for action in ("Identity provider group mapped to a role", "Admin added", "Admin disabled", "Admin signed in"):
            expect(owner.get_by_role("link", name=action, exact=True).first).to_be_visible()

        outsider = phone.new_page()
        sign_in_through_the_provider(outsider, runtime, person(runtime, "contractors"))
        expect(outsider.get_by_role("heading", name="You are not signed in")).to_be_visible()
        expect(outsider.get_by_text("none of your groups there opens this console")).to_be_visible()
    finally:
        phone.close()
        desktop.close()
