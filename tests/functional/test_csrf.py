"""Every state-changing request: same-origin only, and carrying the CSRF token of its session."""

from __future__ import annotations

from tests.functional.portal import Portal

ACME = "principal@acme.example"


def test_a_form_without_its_token_is_refused(portal: Portal) -> None:
    portal.csrf()

    answer = portal.post("/partners/login", {"email": ACME})

    assert answer.status == 403 and "came from another site" in answer.body
    assert portal.sent_mail() == []


def test_a_token_without_its_cookie_is_refused(portal: Portal) -> None:
    token = portal.csrf()
    portal.jar.clear()

    assert portal.post("/partners/login", {"csrf_token": token, "email": ACME}).status == 403


def test_a_cross_site_post_is_refused_even_with_the_token(portal: Portal) -> None:
    token = portal.csrf()

    answer = portal.post(
        "/partners/login", {"csrf_token": token, "email": ACME}, headers={"Sec-Fetch-Site": "cross-site"}
    )

    assert answer.status == 403


def test_without_fetch_metadata_a_foreign_origin_is_refused(portal: Portal) -> None:
    token = portal.csrf()

    foreign = portal.post(
        "/partners/login", {"csrf_token": token, "email": ACME}, headers={"Origin": "https://evil.example"}
    )
    same = portal.post(
        "/partners/login", {"csrf_token": token, "email": ACME}, headers={"Origin": "http://127.0.0.1:8000"}
    )

    assert foreign.status == 403
    assert same.status == 303


def test_signed_in_forms_need_the_session_token_not_the_pre_session_one(portal: Portal) -> None:
    portal.sign_in(ACME)
    pre_session = portal.jar["__Host-portside-csrf"]

    refused = portal.post("/partners/logout", {"csrf_token": pre_session})
    accepted = portal.post("/partners/logout", {"csrf_token": portal.get("/partners/dashboard").field("csrf_token")})

    assert refused.status == 403
    assert accepted.status == 303
