"""Admins in a real browser: an owner adds an admin at a desk, and the new admin's first sign-in on a
phone replaces the temporary password and sets up the authenticator from the QR code."""

from __future__ import annotations

import uuid

import boto3
import pytest
from playwright.sync_api import Browser, expect

from infra.local.totp import unused_code
from tests.browser.sign_in.test_sign_in_journey import VIEWPORTS
from tests.browser.test_console_journey import SHOTS, sign_in_to_console
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.browser
TEMPORARY = "Temporary-Pass-9!"


def temporary_password(runtime: Runtime, email: str) -> str:
    """What Cognito's invitation mail would carry: set in the emulator, as the mail is not sent locally."""
    cognito = boto3.client(
        "cognito-idp",
        endpoint_url=runtime.emulator_url,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
    pool_id = cognito.list_user_pools(MaxResults=10)["UserPools"][0]["Id"]
    cognito.admin_set_user_password(UserPoolId=pool_id, Username=email, Password=TEMPORARY, Permanent=False)
    return TEMPORARY


def test_an_owner_adds_an_admin_who_signs_in_the_first_time_on_a_phone(browser: Browser, runtime: Runtime) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    email = f"new-{uuid.uuid4().hex[:6]}@northwind.example"
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    phone = browser.new_context(viewport=VIEWPORTS["phone"])  # type: ignore[arg-type]
    try:
        owner = desktop.new_page()
        sign_in_to_console(owner, runtime, "owner@northwind.example")
        owner.get_by_role("navigation", name="Main").get_by_role("link", name="Admins").click()
        owner.get_by_label("Email").fill(email)
        owner.get_by_label("Role", exact=True).select_option("finance")
        owner.screenshot(path=SHOTS / "admins-desktop-1-add.png", full_page=True)
        owner.get_by_role("button", name="Add the admin").click()
        expect(owner.get_by_text("Added.")).to_be_visible()
        expect(owner.get_by_role("cell", name=email, exact=True)).to_be_visible()

        newcomer = phone.new_page()
        newcomer.goto(f"{runtime.base_url}/admin/login")
        newcomer.get_by_label("Email").fill(email)
        newcomer.get_by_label("Password").fill(temporary_password(runtime, email))
        newcomer.get_by_role("button", name="Continue").click()
        expect(newcomer.get_by_role("heading", name="Choose your password")).to_be_visible()
        newcomer.get_by_label("New password").fill("A-Brand-New-Pass-7!")
        newcomer.get_by_role("button", name="Save password").click()
        expect(newcomer.get_by_role("heading", name="Set up your authenticator")).to_be_visible()
        qr = newcomer.get_by_role("img", name="QR code of your authenticator key: scan it with the app")
        expect(qr).to_be_visible()
        assert qr.evaluate("image => image.complete && image.naturalWidth > 0")  # the CSP let the data: image load
        assert newcomer.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        newcomer.screenshot(path=SHOTS / "admins-phone-2-qr.png", full_page=True)
        newcomer.get_by_label("6-digit code").fill(unused_code(email, at_least=15))
        newcomer.get_by_role("button", name="Sign in").click()
        expect(newcomer).to_have_url(f"{runtime.base_url}/admin")
        expect(newcomer.get_by_text("finance", exact=True)).to_be_visible()
    finally:
        desktop.close()
        phone.close()
