"""Admins managed over HTTP against the local runtime: the owner's changes, their attacks, live sessions ending."""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote

import pytest

from infra.local.totp import unused_code
from tests.browser.admins.test_admin_journey import temporary_password
from tests.e2e.client import Visitor, hidden_fields
from tests.e2e.runtime import Runtime
from tests.e2e.test_console_over_http import console

pytestmark = pytest.mark.e2e
OWNER = "owner@northwind.example"


def new_admin(runtime: Runtime, role: str) -> tuple[str, Visitor]:
    """An admin the owner adds, signed in through the first sign-in (new password, authenticator)."""
    owner, csrf = console(runtime, OWNER)
    email = f"e2e-{uuid.uuid4().hex[:6]}@northwind.example"
    assert owner.post("/admin/admins", {"csrf_token": csrf, "email": email, "role": role}).status_code == 303
    visitor = Visitor(runtime.base_url)
    step = visitor.post(
        "/admin/login",
        {"csrf_token": visitor.csrf("/admin/login"), "email": email, "password": temporary_password(runtime, email)},
    )
    step = visitor.post("/admin/login/challenge", {**hidden_fields(step.text), "new_password": "A-Brand-New-Pass-8!"})
    done = visitor.post("/admin/login/challenge", {**hidden_fields(step.text), "code": unused_code(email)})
    assert done.status_code == 303 and visitor.get("/admin").status_code == 200
    return email, visitor


def path(email: str, action: str) -> str:
    return f"/admin/admins/{quote(email, safe='')}/{action}"


def test_a_disabled_admins_live_session_ends_at_once(runtime: Runtime) -> None:
    email, session = new_admin(runtime, "ops")
    owner, csrf = console(runtime, OWNER)

    disabled = owner.post(path(email, "status"), {"csrf_token": csrf, "enabled": "false", "confirmed": "yes"})

    assert disabled.status_code == 303
    assert session.get("/admin/partners").status_code == 303  # back to the sign-in page
    assert "disabled" in owner.get("/admin/admins").text


def test_a_role_change_holds_from_the_next_request(runtime: Runtime) -> None:
    email, session = new_admin(runtime, "ops")
    owner, csrf = console(runtime, OWNER)
    assert session.get("/admin/partners/new").status_code == 200

    assert owner.post(path(email, "role"), {"csrf_token": csrf, "role": "auditor"}).status_code == 303

    assert session.get("/admin/partners/new").status_code == 303  # the ops session is gone


@pytest.mark.parametrize("role", ["ops", "auditor"])
def test_ops_and_auditors_cannot_manage_admins(runtime: Runtime, role: str) -> None:
    email, session = new_admin(runtime, role)
    csrf = session.csrf("/admin")

    for action, form in (("role", {"role": "owner"}), ("status", {"enabled": "false"}), ("remove", {})):
        answer = session.post(path(OWNER, action), {"csrf_token": csrf, **form, "confirmed": "yes"})
        assert answer.status_code == 403, action
    added = session.post("/admin/admins", {"csrf_token": csrf, "email": f"x-{email}", "role": "owner"})
    assert added.status_code == 403


def other_active_owners(page: str) -> list[str]:
    """The admins page's active owners but the demo owner (federated owners that single sign-on tests added)."""
    owners = []
    for row in page.split("<tr>")[2:]:  # past the header's
        cells = re.findall(r"<td>([^<]*)", row)
        if "owner" in cells[1].split(", ") and "state-approved" in row and cells[0].strip() != OWNER:
            owners.append(cells[0].strip())
    return owners


def test_the_last_owner_cannot_be_removed(runtime: Runtime) -> None:
    owner, csrf = console(runtime, OWNER)
    # Make the demo owner the last: a federated owner's membership comes back at their next sign-in.
    for other in other_active_owners(owner.get("/admin/admins").text):
        assert owner.post(path(other, "remove"), {"csrf_token": csrf, "confirmed": "yes"}).status_code == 303
    assert other_active_owners(owner.get("/admin/admins").text) == []

    refused = owner.post(path(OWNER, "remove"), {"csrf_token": csrf, "confirmed": "yes"})

    assert refused.status_code == 409 and "last active owner" in refused.text
    assert owner.get("/admin").status_code == 200
