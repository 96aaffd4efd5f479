"""Admin single sign-on over HTTP: the local runtime and its stand-in identity provider, as a browser meets them.

Each test registers its own people at the provider, in groups of its own, so that tests sharing the
runtime never see each other's mappings.
"""

from __future__ import annotations

import uuid
from urllib.parse import quote, urlsplit

import pytest
import requests

from tests.e2e.client import Visitor, field
from tests.e2e.runtime import Runtime
from tests.functional.sso_helpers import query_of, with_query

pytestmark = pytest.mark.e2e


def person(runtime: Runtime, *groups: str) -> str:
    """A new user at the provider, in ``groups``."""
    email = f"sso-{uuid.uuid4().hex[:8]}@northwind.example"
    claims = {"email": email, "name": "Test Person", "groups": list(groups)}
    assert requests.put(f"{runtime.sso_url}/users/{quote(email)}", json=claims, timeout=10).status_code == 204
    return email


def start(visitor: Visitor) -> str:
    """Click "Sign in with …": where the portal sends the browser (the stand-in's authorize page)."""
    started = visitor.get("/admin/login/sso")
    assert started.status_code == 302 and "/oauth2/authorize?" in started.headers["Location"]
    return started.headers["Location"]


def authorize(authorize_url: str, email: str) -> str:
    answer = requests.post(authorize_url, data={"sub": email}, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text[:300]
    return answer.headers["Location"]


def come_back(visitor: Visitor, callback_url: str) -> requests.Response:
    parts = urlsplit(callback_url)
    return visitor.get(f"{parts.path}?{parts.query}")


def sign_in(runtime: Runtime, email: str) -> tuple[Visitor, requests.Response]:
    visitor = Visitor(runtime.base_url)
    return visitor, come_back(visitor, authorize(start(visitor), email))


def owner(runtime: Runtime) -> tuple[Visitor, str]:
    """The demo's federated owner (group portal-owners), signed in; and the session's CSRF token."""
    visitor, done = sign_in(runtime, "olivia.owner@northwind.example")
    assert done.status_code == 200
    return visitor, field(visitor.get("/admin/sign-in-groups").text, "csrf_token")


def test_a_federated_owner_signs_in_through_the_provider(runtime: Runtime) -> None:
    visitor = Visitor(runtime.base_url)
    assert "Sign in with Northwind SSO" in visitor.get("/admin/login").text
    authorize_url = start(visitor)
    assert authorize_url.startswith(runtime.sso_url)
    authorize_page = requests.get(authorize_url, timeout=10)
    assert authorize_page.status_code == 200 and "olivia.owner@northwind.example" in authorize_page.text

    visitor, done = sign_in(runtime, "olivia.owner@northwind.example")

    assert done.status_code == 200 and "__Host-portside-admin" in visitor.jar
    assert "__Host-portside-sso" not in visitor.jar
    admins = visitor.get("/admin/admins")
    assert admins.status_code == 200 and "olivia.owner@northwind.example" in admins.text


def test_a_person_in_no_mapped_group_is_refused(runtime: Runtime) -> None:
    visitor, refused = sign_in(runtime, person(runtime, "contractors-" + uuid.uuid4().hex[:6]))

    assert refused.status_code == 403 and "none of your groups there opens this console" in refused.text
    assert "__Host-portside-admin" not in visitor.jar and visitor.get("/admin").status_code == 303


def test_a_tampered_state_a_replayed_code_and_another_nonce_are_refused(runtime: Runtime) -> None:
    email = "olivia.owner@northwind.example"
    visitor = Visitor(runtime.base_url)
    callback = authorize(start(visitor), email)
    tampered = with_query(callback, state=query_of(callback)["state"][::-1])
    assert come_back(visitor, tampered).status_code == 403

    visitor = Visitor(runtime.base_url)
    callback = authorize(start(visitor), email)
    assert come_back(visitor, callback).status_code == 200
    again = Visitor(runtime.base_url)  # the same code, with a sign-in of its own
    fresh_state = query_of(start(again))["state"]
    assert come_back(again, with_query(callback, state=fresh_state)).status_code == 403

    visitor = Visitor(runtime.base_url)
    swapped = with_query(start(visitor), nonce="not-this-sign-ins-nonce")
    assert come_back(visitor, authorize(swapped, email)).status_code == 403
    assert "__Host-portside-admin" not in visitor.jar and "__Host-portside-admin" not in again.jar


def test_a_code_issued_to_another_application_is_refused(runtime: Runtime) -> None:
    """(That a token for another audience, or signed by another key, is refused is proven in the functional tests,
    which can hand the portal such tokens; over HTTP the provider refuses the code first.)"""
    visitor = Visitor(runtime.base_url)
    theirs = with_query(start(visitor), client_id="another-application")

    assert come_back(visitor, authorize(theirs, "olivia.owner@northwind.example")).status_code == 403
    assert "__Host-portside-admin" not in visitor.jar


def test_a_mapping_change_holds_from_the_next_sign_in(runtime: Runtime) -> None:
    group = f"portal-auditors-{uuid.uuid4().hex[:6]}"
    email = person(runtime, group)
    assert sign_in(runtime, email)[1].status_code == 403
    owner_session, csrf = owner(runtime)

    mapped = owner_session.post("/admin/sign-in-groups", {"csrf_token": csrf, "group": group, "role": "auditor"})
    assert mapped.status_code == 303
    auditor, done = sign_in(runtime, email)
    assert done.status_code == 200 and auditor.get("/admin/audit").status_code == 200
    assert auditor.get("/admin/partners/new").status_code == 403  # an auditor reads, nothing more

    removed = owner_session.post("/admin/sign-in-groups/remove", {"csrf_token": csrf, "group": group})
    assert removed.status_code == 303
    assert sign_in(runtime, email)[1].status_code == 403
    log = owner_session.get("/admin/audit").text
    assert "Identity provider group mapped to a role" in log and "Admin signed in" in log
