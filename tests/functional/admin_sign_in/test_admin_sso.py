"""Admin single sign-on: the code flow through the stand-in provider, and every way an answer can be refused."""

from __future__ import annotations

import time
from typing import Any

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa

from infra.local.seed import TENANT_ID
from infra.local.sso_stand_in import CLIENT_ID, StandInProvider
from portside.auth import sso_provider
from portside.data import admin_reads
from portside.data.models.records import AuditEvent
from tests.functional.portal import Portal
from tests.functional.sso_helpers import authorize, come_back, query_of, sign_in, start, with_query

OWNER, FINANCE, AUDITOR, CONTRACTOR = (
    "olivia.owner@northwind.example",
    "finn.finance@northwind.example",
    "avery.audit@northwind.example",
    "casey.contractor@northwind.example",
)
ADMIN_COOKIE = "__Host-portside-admin"


def audit(action: str) -> list[AuditEvent]:
    return [e for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)) if e.action == action]


def details(event: AuditEvent) -> dict[str, Any]:
    return event.details.as_dict() if event.details else {}


def refusals() -> list[str]:
    return [str(details(e).get("reason")) for e in audit("admin.sign_in_failed")]


def test_a_federated_owner_signs_in_and_joins_the_admins(portal: Portal, sso: StandInProvider) -> None:
    login = portal.get("/admin/login")
    assert "Sign in with Northwind SSO" in login.body and "multi-factor authentication is Northwind SSO" in login.body

    authorize_url = start(portal, "/admin/admins")
    asked = query_of(authorize_url)
    assert authorize_url.startswith(f"{sso.url}/oauth2/authorize?")
    assert asked["code_challenge_method"] == "S256" and len(asked["code_challenge"]) == 43
    assert asked["state"] == portal.jar["__Host-portside-sso"] and asked["nonce"] != asked["state"]
    elsewhere = Portal(portal.monkeypatch).get("/admin/login/sso").cookie("__Host-portside-sso") or ""
    assert "SameSite=Lax" in elsewhere and "Max-Age=600" in elsewhere

    done = come_back(portal, authorize(authorize_url, OWNER))

    assert done.status == 200 and 'content="0; url=/admin/admins"' in done.body
    session = done.cookie(ADMIN_COOKIE) or ""
    assert "Max-Age=28800" in session and "SameSite=Strict" in session  # 8 hours at most
    assert "__Host-portside-sso" not in portal.jar
    member = admin_reads.admin_member(TENANT_ID, OWNER)
    assert member is not None and member.roles == ["owner"] and member.sign_in == "federated"
    page = portal.get("/admin/admins")
    assert page.status == 200 and OWNER in page.body
    signed_in = audit("admin.signed_in")[-1]
    assert signed_in.target == f"admin:{OWNER}" and details(signed_in)["via"] == "sso"


def test_a_member_of_no_mapped_group_is_refused_plainly(portal: Portal, sso: StandInProvider) -> None:
    refused = sign_in(portal, CONTRACTOR)

    assert refused.status == 403 and "none of your groups there opens this console" in refused.body
    assert ADMIN_COOKIE not in portal.jar and admin_reads.admin_member(TENANT_ID, CONTRACTOR) is None
    assert refusals() == ["no_mapped_group"]
    assert audit("admin.sign_in_failed")[0].target == f"admin:{CONTRACTOR}"


def test_a_tampered_or_foreign_state_is_refused(portal: Portal, sso: StandInProvider) -> None:
    callback = authorize(start(portal), OWNER)
    tampered = with_query(callback, state=query_of(callback)["state"][:-2] + "xx")
    assert come_back(portal, tampered).status == 403

    other_browser = Portal(portal.monkeypatch)  # its own cookie jar: no state cookie at all
    assert come_back(other_browser, authorize(start(portal), OWNER)).status == 403
    assert refusals() == ["state_not_this_browsers", "state_not_this_browsers"]
    assert ADMIN_COOKIE not in portal.jar and ADMIN_COOKIE not in other_browser.jar


def test_a_callback_or_a_code_used_twice_is_refused(portal: Portal, sso: StandInProvider) -> None:
    callback = authorize(start(portal), OWNER)
    state_cookie = portal.jar["__Host-portside-sso"]
    assert come_back(portal, callback).status == 200

    portal.jar["__Host-portside-sso"] = state_cookie  # the very same answer again, cookie and all
    assert come_back(portal, callback).status == 403
    # The old code with a fresh sign-in's state: the provider has spent the code.
    fresh_state = query_of(start(portal))["state"]
    assert come_back(portal, with_query(callback, state=fresh_state)).status == 403
    assert refusals() == ["attempt_unknown_or_expired", "code_refused"]


def test_a_token_with_another_nonce_is_refused(portal: Portal, sso: StandInProvider) -> None:
    authorize_url = start(portal)
    swapped = with_query(authorize_url, nonce="a-nonce-of-another-sign-in")

    assert come_back(portal, authorize(swapped, OWNER)).status == 403
    assert refusals() == ["token_rejected"] and ADMIN_COOKIE not in portal.jar


def test_a_token_for_another_client_is_refused(
    portal: Portal, sso: StandInProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A genuine token of the same provider, carrying this sign-in's nonce, but issued to another application."""
    authorize_url = start(portal)
    nonce = query_of(authorize_url)["nonce"]
    theirs = authorize(with_query(authorize_url, client_id="another-application"), OWNER)
    token = requests.post(
        f"{sso.url}/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": query_of(theirs)["code"],
            "redirect_uri": query_of(authorize_url)["redirect_uri"],
        },
        auth=("another-application", "secret"),
        timeout=10,
    ).json()["id_token"]
    assert jwt.decode(token, options={"verify_signature": False})["nonce"] == nonce
    monkeypatch.setattr(sso_provider, "exchange_code", lambda *_: token)

    assert come_back(portal, authorize(authorize_url, OWNER)).status == 403
    assert refusals() == ["token_rejected"]


def test_a_token_signed_by_another_key_is_refused(
    portal: Portal, sso: StandInProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    authorize_url = start(portal)
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": sso.url,
        "aud": CLIENT_ID,
        "sub": OWNER,
        "email": OWNER,
        "groups": ["portal-owners"],
        "nonce": query_of(authorize_url)["nonce"],
        "iat": now,
        "exp": now + 300,
    }
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kid = requests.get(f"{sso.url}/jwks", timeout=10).json()["keys"][0]["kid"]
    for headers in ({}, {"kid": kid}):  # naming no key, and naming the provider's
        forged = jwt.encode(claims, forger, algorithm="RS256", headers=headers)
        monkeypatch.setattr(sso_provider, "exchange_code", lambda *_, token=forged: token)
        assert come_back(portal, authorize(authorize_url, OWNER)).status == 403
        authorize_url = start(portal)
        claims["nonce"] = query_of(authorize_url)["nonce"]
    assert refusals() == ["token_rejected", "token_rejected"]


def test_group_mappings_hold_from_the_next_sign_in(portal: Portal, sso: StandInProvider) -> None:
    assert sign_in(portal, FINANCE).status == 200
    assert admin_reads.admin_member(TENANT_ID, FINANCE).roles == ["finance"]  # type: ignore[union-attr]
    owner = Portal(portal.monkeypatch)
    sign_in(owner, OWNER)
    owner.admin_post("/admin/sign-in-groups/remove", {"group": "portal-finance"})
    owner.admin_post("/admin/sign-in-groups", {"group": "staff", "role": "auditor"})

    assert portal.get("/admin/audit").status == 403  # the session already open keeps its role
    again = Portal(portal.monkeypatch)
    assert sign_in(again, FINANCE).status == 200
    assert admin_reads.admin_member(TENANT_ID, FINANCE).roles == ["auditor"]  # type: ignore[union-attr]
    assert again.get("/admin/audit").status == 200
    owner.admin_post("/admin/sign-in-groups/remove", {"group": "staff"})
    assert sign_in(Portal(portal.monkeypatch), FINANCE).status == 403


def test_a_disabled_federated_admin_stays_out_whatever_their_groups(portal: Portal, sso: StandInProvider) -> None:
    sign_in(portal, OWNER)
    sign_in(Portal(portal.monkeypatch), FINANCE)
    disabled = portal.admin_post(f"/admin/admins/{FINANCE}/status", {"enabled": "false", "confirmed": "yes"})
    assert disabled.status == 303

    refused = sign_in(Portal(portal.monkeypatch), FINANCE)
    assert refused.status == 403 and refusals() == ["admin_disabled"]


def test_the_provider_saying_no_is_refused_and_audited(portal: Portal, sso: StandInProvider) -> None:
    callback = authorize(start(portal), OWNER)
    denied = with_query(callback, error="access_denied", code="")
    answer = come_back(portal, denied)
    assert answer.status == 403 and "did not sign you in" in answer.body
    assert refusals() == ["provider_said:access_denied"]


def test_the_owner_may_offer_single_sign_on_only(
    portal: Portal, sso: StandInProvider, admin_pool: dict[str, Any]
) -> None:
    auditor = Portal(portal.monkeypatch)
    auditor.admin_sign_in("auditor@northwind.example")
    sign_in(portal, OWNER)
    version = portal.get("/admin/sign-in-groups").field("version")
    assert auditor.admin_post("/admin/sign-in-groups/mode", {"sso_only": "true", "version": version}).status == 403

    assert portal.admin_post("/admin/sign-in-groups/mode", {"sso_only": "true", "version": version}).status == 303
    login = Portal(portal.monkeypatch).get("/admin/login")
    assert "Sign in with Northwind SSO" in login.body and 'name="password"' not in login.body
    newcomer = Portal(portal.monkeypatch)  # the password form is gone: post it anyway
    form = {"csrf_token": newcomer.csrf(), "email": "ops@northwind.example", "password": "Northwind-Local-1!"}
    password = newcomer.post("/admin/login", form)
    assert password.status == 403 and "identity provider only" in password.body
    assert [details(e).get("sso_only") for e in audit("sso.mode_changed")] == [True]

    stale = portal.admin_post("/admin/sign-in-groups/mode", {"version": version})
    assert stale.status == 409  # the form was read before the change
    for lockout in (
        ("/admin/sign-in-groups/remove", {"group": "portal-owners"}),
        ("/admin/sign-in-groups", {"group": "portal-owners", "role": "ops"}),
    ):
        refused = portal.admin_post(*lockout)
        assert refused.status == 400 and "keep a group mapped to owner" in refused.body
    assert sign_in(Portal(portal.monkeypatch), OWNER).status == 200


def test_single_sign_on_only_needs_a_group_mapped_to_owner(portal: Portal, sso: StandInProvider) -> None:
    sign_in(portal, OWNER)
    version = portal.get("/admin/sign-in-groups").field("version")
    portal.admin_post("/admin/sign-in-groups", {"group": "portal-owners", "role": "ops"})

    refused = portal.admin_post("/admin/sign-in-groups/mode", {"sso_only": "true", "version": version})
    assert refused.status == 400 and "Map a group to the owner role first" in refused.body
    assert audit("sso.mode_changed") == []


def test_without_a_provider_there_is_no_single_sign_on(portal: Portal, admin_pool: dict[str, Any]) -> None:
    assert "Sign in with" not in portal.get("/admin/login").body
    assert portal.get("/admin/login/sso").status == 404
    assert portal.get("/admin/login/sso/callback?state=x&code=y").status == 404
    portal.admin_sign_in("owner@northwind.example")
    assert 'action="/admin/sign-in-groups/mode"' not in portal.get("/admin/sign-in-groups").body
