"""Admin sign-in: Cognito checks password and TOTP code, the portal checks the ID token and the tenant."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from typing import Any

import pytest
import segno

from infra.local.seed import ADMIN_PASSWORD, TENANT_ID
from infra.local.totp import current_code, fresh_code
from portside import clock
from portside.admin_sign_in.password_and_code import CODE_REUSE_WINDOW
from portside.auth.admin_tokens import TokenRejected, verify_id_token
from portside.aws import client
from portside.data import admin_reads
from portside.data.models.admins import AdminMember
from portside.data.models.records import AuditEvent
from tests.functional.portal import Portal

OPS = "ops@northwind.example"
GENERIC = "That email, password or code was not accepted"


def audit_actions(tenant_id: str = TENANT_ID) -> list[str]:
    return [event.action for event in AuditEvent.query(AuditEvent.partition_of(tenant_id))]


def test_password_then_code_opens_a_strict_eight_hour_admin_session(portal: Portal, admin_pool: dict[str, Any]) -> None:
    csrf = portal.get("/admin/login").field("csrf_token")
    challenge = portal.post("/admin/login", {"csrf_token": csrf, "email": OPS, "password": ADMIN_PASSWORD})
    assert challenge.status == 200 and "Enter your code" in challenge.body

    signed_in = portal.post("/admin/login/challenge", {**challenge.hidden_fields(), "code": fresh_code()})

    assert signed_in.status == 303 and signed_in.location == "/admin"
    cookie = signed_in.cookie("__Host-portside-admin") or ""
    for attribute in ("Path=/", "Secure", "HttpOnly", "SameSite=Strict", "Max-Age=28800"):
        assert attribute in cookie
    home = portal.get("/admin")
    assert home.status == 200 and OPS in home.body and "ops" in home.body
    member = admin_reads.admin_member(TENANT_ID, OPS)
    assert member is not None and member.last_sign_in_at is not None and member.roles == ["ops"]
    assert "admin.signed_in" in audit_actions()


@pytest.mark.parametrize(
    ("email", "password", "code"),
    [
        (OPS, "Wrong-Password-123!", None),  # wrong password
        ("nobody@northwind.example", ADMIN_PASSWORD, None),  # unknown address: the same words
        (OPS, ADMIN_PASSWORD, "000000"),  # wrong code
    ],
    ids=["wrong-password", "unknown-address", "wrong-code"],
)
def test_every_failure_answers_the_same_words_and_is_audited(
    portal: Portal, admin_pool: dict[str, Any], email: str, password: str, code: str | None
) -> None:
    if code == "000000" and current_code() == "000000":
        pytest.skip("the authenticator happens to show 000000 right now")

    answer = portal.admin_sign_in(email, password, code)

    assert answer.status == 401 and GENERIC in answer.body
    assert "__Host-portside-admin" not in portal.jar
    assert "admin.sign_in_failed" in audit_actions()


def test_repeated_failures_are_slowed_before_cognito_is_asked(portal: Portal, admin_pool: dict[str, Any]) -> None:
    for _ in range(5):
        assert portal.admin_sign_in(OPS, "Wrong-Password-123!").status == 401

    refused = portal.admin_sign_in(OPS, ADMIN_PASSWORD)  # even the right password, for now

    assert refused.status == 429 and "Wait 15 minutes" in refused.body
    assert refused.headers["Retry-After"] == "900"
    portal.advance_clock(timedelta(minutes=31))
    assert portal.admin_sign_in(OPS).status == 303


def test_an_admin_of_no_group_or_another_tenant_is_refused(portal: Portal, admin_pool: dict[str, Any]) -> None:
    AdminMember(*AdminMember.keys_for(TENANT_ID, OPS)).delete()  # ops is no longer a member of this tenant

    assert portal.admin_sign_in(OPS).status == 401
    assert "__Host-portside-admin" not in portal.jar


def test_a_first_sign_in_replaces_the_password_and_sets_up_the_authenticator(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    cognito, newcomer = client("cognito-idp"), "new.admin@northwind.example"
    cognito.admin_create_user(
        UserPoolId=admin_pool["pool_id"],
        Username=newcomer,
        TemporaryPassword="Temporary-Pass-1!",
        MessageAction="SUPPRESS",
    )
    AdminMember.build(TENANT_ID, newcomer, roles=["auditor"], created_at=clock.now()).save()

    choose = portal.admin_sign_in(newcomer, "Temporary-Pass-1!")
    assert choose.status == 200 and "Choose your password" in choose.body
    too_short = portal.post("/admin/login/challenge", {**choose.hidden_fields(), "new_password": "short"})
    assert too_short.status == 400 and "at least 14 characters" in too_short.body
    setup = portal.post("/admin/login/challenge", {**choose.hidden_fields(), "new_password": "A-Brand-New-Pass-2!"})
    assert setup.status == 200 and "Set up your authenticator" in setup.body
    assert setup.hidden_fields()["secret"] == "JBSWY3DPEHPK3PXP" and "otpauth://totp/" in setup.body
    link = html.unescape(re.search(r'href="(otpauth://[^"]+)"', setup.body).group(1))  # type: ignore[union-attr]
    drawn = html.unescape(re.search(r'<img class="qr" src="([^"]+)"', setup.body).group(1))  # type: ignore[union-attr]
    assert "secret=JBSWY3DPEHPK3PXP" in link and drawn == segno.make(link, error="m").svg_data_uri(scale=4, border=2)

    done = portal.post("/admin/login/challenge", {**setup.hidden_fields(), "code": fresh_code()})

    assert done.status == 303 and portal.get("/admin").status == 200
    portal.jar.clear()
    portal.advance_clock(CODE_REUSE_WINDOW)  # the code just used is refused within its window
    assert portal.admin_sign_in(newcomer, "A-Brand-New-Pass-2!").status == 303  # the new password, and a code


def test_tokens_without_a_second_factor_open_nothing(portal: Portal, admin_pool: dict[str, Any]) -> None:
    """A pool must require TOTP; if one ever hands out tokens after the password alone, the portal refuses."""
    cognito, lax = client("cognito-idp"), "lax@northwind.example"
    cognito.admin_create_user(UserPoolId=admin_pool["pool_id"], Username=lax, MessageAction="SUPPRESS")
    cognito.admin_set_user_password(
        UserPoolId=admin_pool["pool_id"], Username=lax, Password=ADMIN_PASSWORD, Permanent=True
    )
    AdminMember.build(TENANT_ID, lax, roles=["owner"], created_at=clock.now()).save()
    csrf = portal.get("/admin/login").field("csrf_token")

    answer = portal.post("/admin/login", {"csrf_token": csrf, "email": lax, "password": ADMIN_PASSWORD})

    assert answer.status == 401 and "__Host-portside-admin" not in portal.jar


def test_the_id_token_is_checked_for_signature_audience_and_use(portal: Portal, admin_pool: dict[str, Any]) -> None:
    tokens = client("cognito-idp").admin_initiate_auth(
        UserPoolId=admin_pool["pool_id"],
        ClientId=admin_pool["client_id"],
        AuthFlow="ADMIN_NO_SRP_AUTH",
        AuthParameters={"USERNAME": OPS, "PASSWORD": ADMIN_PASSWORD},
    )
    result = tokens.get("AuthenticationResult")
    if result is None:  # the emulator asks for the code here too
        result = client("cognito-idp").respond_to_auth_challenge(
            ClientId=admin_pool["client_id"],
            ChallengeName=tokens["ChallengeName"],
            Session=tokens["Session"],
            ChallengeResponses={"USERNAME": OPS, "SOFTWARE_TOKEN_MFA_CODE": fresh_code()},
        )["AuthenticationResult"]
    assert verify_id_token(result["IdToken"])["email"] == OPS

    header, payload, signature = result["IdToken"].split(".")
    with pytest.raises(TokenRejected):
        verify_id_token(f"{header}.{payload}.{signature[:-4]}AAAA")  # a forged signature
    with pytest.raises(TokenRejected):
        verify_id_token(result["AccessToken"])  # an access token is not an ID token
    portal.monkeypatch.setenv("PORTSIDE_ADMIN_CLIENT_ID", "another-client")
    from portside.config import settings

    settings.cache_clear()
    with pytest.raises(TokenRejected):
        verify_id_token(result["IdToken"])  # issued to another app client


def test_the_session_ends_after_thirty_idle_minutes_and_after_eight_hours(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(OPS)
    for step in range(1, 18):  # active every 29 minutes: never idle for 30, but the 8 hours run out
        portal.advance_clock(timedelta(minutes=29))
        within_eight_hours = 29 * step < 8 * 60
        assert (portal.get("/admin/partners").status == 200) is within_eight_hours, f"after {29 * step} minutes"

    portal.jar.clear()
    portal.admin_sign_in(OPS)
    portal.advance_clock(timedelta(minutes=30))
    assert portal.get("/admin/partners").location == "/admin/login?next=/admin/partners"


def test_sign_out_deletes_the_session_on_the_server(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)
    stolen = dict(portal.jar)

    answer = portal.admin_post("/admin/logout")

    assert answer.status == 303 and answer.location == "/admin/login?notice=signed_out"
    portal.jar.update(stolen)  # the old cookie, replayed
    assert portal.get("/admin").status == 303
    assert "admin.signed_out" in audit_actions()


def test_sign_in_returns_to_the_console_page_asked_for_and_nowhere_else(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    bounced = portal.get("/admin/partners/acme")
    assert bounced.location == "/admin/login?next=/admin/partners/acme"
    form = portal.get(bounced.location)
    assert form.field("next") == "/admin/partners/acme"

    csrf = form.field("csrf_token")
    step = portal.post(
        "/admin/login", {"csrf_token": csrf, "email": OPS, "password": ADMIN_PASSWORD, "next": "//evil.example"}
    )
    done = portal.post("/admin/login/challenge", {**step.hidden_fields(), "code": fresh_code()})

    assert done.location == "/admin"


def test_the_admin_command_gives_a_new_admin_the_console(
    portal: Portal, admin_pool: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    from portside.cli import main

    newcomer = "new.finance@northwind.example"
    assert main(["admin", "--tenant", TENANT_ID, "--email", newcomer, "--role", "finance"]) == 0
    assert "Cognito mails a temporary password" in capsys.readouterr().out
    member = admin_reads.admin_member(TENANT_ID, newcomer)
    assert member is not None and member.roles == ["finance"]
    user = client("cognito-idp").admin_get_user(UserPoolId=admin_pool["pool_id"], Username=newcomer)
    assert user["UserStatus"] == "FORCE_CHANGE_PASSWORD"

    assert main(["admin", "--tenant", TENANT_ID, "--email", newcomer, "--role", "owner"]) == 2  # already a member
    assert main(["admin", "--tenant", TENANT_ID, "--email", "not-an-address", "--role", "ops"]) == 2


def failure_reasons() -> list[str]:
    return [
        str(event.details.as_dict().get("reason") if event.details else None)
        for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))
        if event.action == "admin.sign_in_failed"
    ]


def test_a_challenge_is_answered_only_for_the_address_that_passed_the_password(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    """The emulator does not bind a challenge to its user: the portal must, or finance could become owner."""
    csrf = portal.get("/admin/login").field("csrf_token")
    finance = portal.post(
        "/admin/login", {"csrf_token": csrf, "email": "finance@northwind.example", "password": ADMIN_PASSWORD}
    )
    assert finance.status == 200

    as_owner = portal.post(
        "/admin/login/challenge",
        {**finance.hidden_fields(), "email": "owner@northwind.example", "code": fresh_code()},
    )

    assert as_owner.status == 401 and GENERIC in as_owner.body
    assert as_owner.cookie("__Host-portside-admin") is None and portal.get("/admin").status == 303
    assert "challenge_of_another_address" in failure_reasons()


def test_a_made_up_challenge_session_is_refused(portal: Portal, admin_pool: dict[str, Any]) -> None:
    csrf = portal.get("/admin/login").field("csrf_token")
    form = {"csrf_token": csrf, "challenge": "SOFTWARE_TOKEN_MFA", "email": OPS, "session": "s" * 40}

    answer = portal.post("/admin/login/challenge", {**form, "code": fresh_code()})

    assert answer.status == 401 and "challenge_unknown_or_expired" in failure_reasons()


def test_a_code_just_used_is_refused_within_its_window(portal: Portal, admin_pool: dict[str, Any]) -> None:
    """The emulator accepts a replayed code: the portal refuses it itself."""
    code = fresh_code(at_least=10)
    assert portal.admin_sign_in(OPS, code=code).status == 303
    portal.jar.clear()

    replayed = portal.admin_sign_in(OPS, code=code)
    portal.advance_clock(CODE_REUSE_WINDOW)
    after_its_window = portal.admin_sign_in(OPS, code=code)

    assert replayed.status == 401 and GENERIC in replayed.body
    assert "code_reused" in failure_reasons()
    assert after_its_window.status == 303 or current_code() != code  # a new step's code is another code
