"""The partner sign-in handlers, one rule of the design's Identity section at a time."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from portside.auth.secrets import digest
from portside.aws import client
from portside.config import settings
from portside.data.base import tenant_key
from portside.data.models.contacts import Session, SignInToken
from portside.data.models.records import AuditEvent
from tests.functional.portal import Portal

ACME = "principal@acme.example"


def comparable(body: str) -> str:
    """A page with its per-response values (style nonce, CSRF token) masked."""
    body = re.sub(r'nonce="[^"]+"', 'nonce=""', body)
    return re.sub(r'name="csrf_token" value="[^"]+"', 'name="csrf_token" value=""', body)


def all_items() -> list[dict]:
    """Test-only: every item of the table (a Scan; request code never scans)."""
    return client("dynamodb").scan(TableName=settings().table_name)["Items"]


def audit_actions() -> list[str]:
    return [event.action for event in AuditEvent.query(tenant_key("northwind", "AUDIT"))]


def test_login_page_hands_out_a_pre_session_csrf_cookie(portal: Portal) -> None:
    answer = portal.get("/partners/login")

    assert answer.status == 200
    cookie = answer.cookie("__Host-portside-csrf")
    assert cookie and "Secure" in cookie and "HttpOnly" in cookie and "Path=/" in cookie
    assert answer.field("csrf_token") == portal.jar["__Host-portside-csrf"]
    assert (
        'name="email"' in answer.body
        and '<label for="email">Email <span class="required">(required)</span></label>' in answer.body
    )


def test_a_known_address_gets_a_link_and_a_code_and_only_hashes_are_stored(portal: Portal) -> None:
    answer = portal.request_link(ACME)

    assert answer.status == 303 and answer.location == "/partners/login/check"
    mail = portal.last_mail_to(ACME)
    token = portal.link_token(mail)
    code = portal.code_in(mail)
    assert mail.links[0].startswith(Portal.BASE_URL + "/partners/auth/magic?token=")
    assert len(token) >= 43  # 256 bits, URL-safe base64
    stored = str(all_items())
    assert token not in stored and code not in stored
    assert digest(token) in stored
    assert "sign_in.link_requested" in audit_actions()


def test_unknown_and_known_addresses_get_the_same_answer(portal: Portal) -> None:
    known = portal.request_link(ACME)
    page_after_known = portal.get("/partners/login/check").body.replace(ACME, "X")
    unknown = portal.request_link("nobody@acme.example")
    page_after_unknown = portal.get("/partners/login/check").body.replace("nobody@acme.example", "X")

    assert (known.status, known.location) == (unknown.status, unknown.location)
    assert [m for m in portal.sent_mail() if "nobody@acme.example" in m.to] == []
    assert comparable(page_after_known) == comparable(page_after_unknown)


def test_a_bad_address_names_the_field_and_changes_nothing(portal: Portal) -> None:
    """Nothing but the refused form itself, kept for its page (and the window that bounds keeping them)."""
    kept_for_the_page = {"FORMDRAFT", "RATE"}
    before = all_items()

    answer = portal.post("/partners/login", {"csrf_token": portal.csrf(), "email": "not-an-address"})

    assert answer.status == 400
    assert "Enter your work email" in answer.body and 'aria-invalid="true"' in answer.body
    changed = [item for item in all_items() if item not in before]
    assert changed and {item["SK"]["S"] for item in changed} <= kept_for_the_page


def test_requests_are_limited_per_address(portal: Portal) -> None:
    for _ in range(settings().sign_in_limit_per_address):
        assert portal.request_link(ACME).status == 303

    answer = portal.request_link(ACME)

    assert answer.status == 429
    assert "wait 15 minutes" in answer.body and answer.headers["Retry-After"]
    assert answer.cookie("__Host-portside-pending") is None


def test_requests_are_limited_per_client_ip(portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTSIDE_SIGN_IN_LIMIT_PER_IP", "3")
    settings.cache_clear()
    for n in range(3):
        assert portal.request_link(f"someone{n}@acme.example").status == 303

    assert portal.request_link("someone-else@acme.example").status == 429
    portal.source_ip = "198.51.100.7"
    assert portal.request_link("someone-else@acme.example").status == 303


def test_opening_a_link_spends_nothing(portal: Portal) -> None:
    portal.request_link(ACME)
    token = portal.link_token(portal.last_mail_to(ACME))

    for method in ("HEAD", "GET", "GET"):
        answer = portal.call(method, f"/partners/auth/magic?token={token}")
        assert answer.status == 200
        assert "Sign in as p…@acme.example" in answer.body
        assert answer.headers["Referrer-Policy"] == "no-referrer"
        assert "<script" not in answer.body

    item = SignInToken.get(*SignInToken.keys_for("northwind", digest(token)))
    assert item.spent_at is None
    assert portal.cookies_named("__Host-portside-session") == []


def test_pressing_the_button_opens_a_session_with_the_designed_cookie(portal: Portal) -> None:
    answer = portal.sign_in(ACME)

    assert answer.status == 303 and answer.location == "/partners/dashboard"
    cookie = answer.cookie("__Host-portside-session")
    assert cookie is not None
    for attribute in ("Path=/", "HttpOnly", "Secure", "SameSite=Lax", f"Max-Age={30 * 24 * 3600}"):
        assert attribute in cookie
    assert "Domain=" not in cookie
    secret = portal.jar["__Host-portside-session"].split(".", 1)[1]
    stored = str(all_items())
    assert secret not in stored and digest(secret) in stored
    assert "sign_in.succeeded" in audit_actions()


def test_every_sign_in_makes_a_fresh_session_id(portal: Portal) -> None:
    portal.sign_in(ACME)
    first = portal.jar["__Host-portside-session"]
    portal.sign_in(ACME)

    assert portal.jar["__Host-portside-session"] != first


def test_a_spent_link_says_already_used(portal: Portal) -> None:
    portal.request_link(ACME)
    token = portal.link_token(portal.last_mail_to(ACME))
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token}).status == 303

    again = portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token})
    opened = portal.get(f"/partners/auth/magic?token={token}")

    assert again.status == 410 and "Link already used" in again.body
    assert opened.status == 410 and "Link already used" in opened.body
    assert 'action="/partners/login"' in opened.body  # a form to mail a fresh one


def test_a_dead_links_page_mails_a_new_one_where_it_went_without_showing_the_address(portal: Portal) -> None:
    portal.request_link(ACME)
    token = portal.link_token(portal.last_mail_to(ACME))
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token}).status == 303
    portal.jar.clear()

    opened = portal.get(f"/partners/auth/magic?token={token}")
    again = portal.post("/partners/login", {"csrf_token": portal.csrf(), "token": token})
    portal.deliver_mail()
    fresh = portal.link_token(portal.last_mail_to(ACME))

    assert opened.status == 410 and "Email a new link to p" in opened.body and ACME not in opened.body
    assert (
        again.status == 303
        and again.location == "/partners/login/check"
        and again.cookie("__Host-portside-pending") is None
    )
    assert fresh != token
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": fresh}).status == 303


@pytest.mark.parametrize("token", ["", "x" * 19, "y" * 40])
def test_a_new_link_for_a_link_no_one_was_sent_asks_for_the_address(portal: Portal, token: str) -> None:
    answer = portal.post("/partners/login", {"csrf_token": portal.csrf(), "token": token})

    assert answer.status in (303, 400)
    shown = portal.get(answer.location) if answer.status == 303 else answer
    assert "Enter your work email" in shown.body and not portal.sent_mail()


def test_a_link_expires_after_ten_minutes(portal: Portal) -> None:
    portal.request_link(ACME)
    token = portal.link_token(portal.last_mail_to(ACME))
    portal.advance_clock(timedelta(minutes=10, seconds=1))

    answer = portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token})

    assert answer.status == 410 and "Link expired" in answer.body
    assert answer.cookie("__Host-portside-session") is None


def test_a_new_link_voids_the_previous_unspent_one(portal: Portal) -> None:
    portal.request_link(ACME)
    old = portal.link_token(portal.last_mail_to(ACME))
    portal.request_link(ACME)
    new = portal.link_token(portal.last_mail_to(ACME))

    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": old}).status == 410
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": new}).status == 303


def test_the_destination_survives_sign_in_but_never_leaves_the_portal(portal: Portal) -> None:
    bounced = portal.get("/partners/dashboard?tab=x")
    assert bounced.status == 303 and bounced.location == "/partners/login?next=/partners/dashboard%3Ftab%3Dx"

    portal.request_link(ACME, next_path="/partners/dashboard?tab=x")
    token = portal.link_token(portal.last_mail_to(ACME))
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token}).location == (
        "/partners/dashboard?tab=x"
    )

    portal.request_link(ACME, next_path="https://evil.example/")
    token = portal.link_token(portal.last_mail_to(ACME))
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token}).location == (
        "/partners/dashboard"
    )


def test_the_code_signs_in_on_another_device(portal: Portal) -> None:
    portal.request_link(ACME)
    code = portal.code_in(portal.last_mail_to(ACME))
    other_device = Portal(portal.monkeypatch)

    answer = other_device.post("/partners/login/code", {"csrf_token": other_device.csrf(), "email": ACME, "code": code})

    assert answer.status == 303 and answer.cookie("__Host-portside-session")
    assert other_device.get("/partners/dashboard").status == 200


def test_codes_lock_after_a_few_wrong_tries_known_or_not(portal: Portal) -> None:
    portal.request_link(ACME)
    code = portal.code_in(portal.last_mail_to(ACME))
    wrong = "000000" if code != "000000" else "111111"
    attempts = settings().sign_in_code_attempts

    def attempt(email: str, value: str) -> int:
        return portal.post("/partners/login/code", {"csrf_token": portal.csrf(), "email": email, "code": value}).status

    assert [attempt(ACME, wrong) for _ in range(attempts)] == [400] * attempts
    assert [attempt("nobody@acme.example", wrong) for _ in range(attempts)] == [400] * attempts
    locked = portal.post("/partners/login/code", {"csrf_token": portal.csrf(), "email": ACME, "code": code})
    assert locked.status == 429 and "Too many wrong codes" in locked.body
    assert attempt("nobody@acme.example", wrong) == 429
    # The link itself still works for the person who has the mail.
    token = portal.link_token(portal.last_mail_to(ACME))
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token}).status == 303


def test_sign_out_ends_the_session_on_the_server(portal: Portal) -> None:
    portal.sign_in(ACME)
    stolen_copy = dict(portal.jar)
    csrf_token = portal.get("/partners/dashboard").field("csrf_token")

    answer = portal.post("/partners/logout", {"csrf_token": csrf_token})

    assert answer.status == 303 and "Max-Age=0" in (answer.cookie("__Host-portside-session") or "")
    portal.jar.update(stolen_copy)
    assert portal.get("/partners/dashboard").status == 303
    assert list(Session.query(tenant_key("northwind", "CONTACT", "acme-principal"))) == []
    assert "sign_in.signed_out" in audit_actions()


def test_a_disabled_contact_cannot_sign_in(portal: Portal) -> None:
    from portside.data.models.contacts import Contact

    contact = Contact.get(*Contact.keys_for("northwind", "acme-salesperson"))
    contact.update(actions=[Contact.status.set("disabled")])

    portal.request_link("sales@acme.example")

    assert [m for m in portal.sent_mail() if "sales@acme.example" in m.to] == []


def test_a_tenant_idle_timeout_ends_quiet_sessions(portal: Portal) -> None:
    from portside.data.models.tenants import Tenant
    from portside.web import tenants

    tenant = Tenant.get(*Tenant.keys_for("northwind"))
    tenant.session_idle_minutes = 30
    tenant.save()
    tenants.forget_cached_tenants()
    portal.sign_in(ACME)

    portal.advance_clock(timedelta(minutes=20))
    assert portal.get("/partners/dashboard").status == 200  # activity: the session is touched
    portal.advance_clock(timedelta(minutes=25))
    assert portal.get("/partners/dashboard").status == 200  # 25 minutes after the touch
    portal.advance_clock(timedelta(minutes=31))
    assert portal.get("/partners/dashboard").status == 303


def test_a_session_ends_after_thirty_days_whatever_the_activity(portal: Portal) -> None:
    portal.sign_in(ACME)

    portal.advance_clock(timedelta(days=29, hours=23))
    assert portal.get("/partners/dashboard").status == 200
    portal.advance_clock(timedelta(hours=1, minutes=1))
    assert portal.get("/partners/dashboard").status == 303
