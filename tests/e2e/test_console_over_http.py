"""The admin console over HTTP against the local runtime: sign-in with TOTP, the contact lifecycle, the guard."""

from __future__ import annotations

import csv
import io
import re
import uuid

import pytest

from infra.local.totp import current_code
from portside.manifest import ROUTES, Audience
from tests.e2e.client import Visitor, admin_sign_in, field, link_in, token_in
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.e2e

OWNER, OPS = "owner@northwind.example", "ops@northwind.example"
FINANCE, AUDITOR = "finance@northwind.example", "auditor@northwind.example"


_consoles: dict[tuple[str, str], tuple[Visitor, str]] = {}


def console(runtime: Runtime, email: str) -> tuple[Visitor, str]:
    """A signed-in admin and their session's CSRF token, signed in once per run and admin.

    The portal refuses an authenticator code reused within its window, so a second sign-in of
    one admin waits for the next code: tests share the session instead (sign-in itself is tested
    on its own).
    """
    key = (runtime.base_url, email)
    if key not in _consoles or _consoles[key][0].get("/admin").status_code != 200:
        visitor = Visitor(runtime.base_url)
        assert admin_sign_in(visitor, email).status_code == 303
        _consoles[key] = (visitor, field(visitor.get("/admin").text, "csrf_token"))
    return _consoles[key]


def add_contact(runtime: Runtime, ops: Visitor, csrf: str, role: str = "salesperson") -> str:
    email = f"lifecycle-{uuid.uuid4().hex[:8]}@acme.example"
    added = ops.post(
        "/admin/partners/acme/contacts", {"csrf_token": csrf, "name": "Life Cycle", "email": email, "role": role}
    )
    assert added.status_code == 303 and added.headers["Location"] == "/admin/partners/acme?notice=invited"
    runtime.wait_for_mail(email)
    return email


def contact_id_of(page: str, email: str) -> str:
    row = re.search(rf"{re.escape(email)}.*?/admin/contacts/([\w-]+)/", page, re.S)
    assert row, f"no row for {email}"
    return row.group(1)


def accept_invite(runtime: Runtime, email: str) -> Visitor:
    partner = Visitor(runtime.base_url)
    link = link_in(runtime.wait_for_mail(email))
    csrf = field(partner.open_link(link).text, "csrf_token")
    assert partner.post("/partners/auth/magic", {"csrf_token": csrf, "token": token_in(link)}).status_code == 303
    return partner


def test_admin_sign_in_needs_the_password_and_the_current_code(runtime: Runtime) -> None:
    visitor = Visitor(runtime.base_url)

    wrong_password = admin_sign_in(visitor, FINANCE, password="Not-The-Password-1!")
    wrong_code = admin_sign_in(visitor, FINANCE, code="000000" if current_code() != "000000" else "111111")
    signed_in = admin_sign_in(visitor, FINANCE)

    for refused in (wrong_password, wrong_code):
        assert refused.status_code == 401 and "was not accepted" in refused.text
    assert signed_in.status_code == 303 and signed_in.headers["Location"] == "/admin"
    cookie = signed_in.headers["Set-Cookie"]
    assert "__Host-portside-admin=" in cookie and "SameSite=Strict" in cookie and "HttpOnly" in cookie
    assert "finance" in visitor.get("/admin").text


def test_the_contact_lifecycle(runtime: Runtime) -> None:
    ops, csrf = console(runtime, OPS)
    email = add_contact(runtime, ops, csrf)
    assert email in ops.get("/admin/engagement").text.split("Not seen for 90 days")[0]  # invited, never signed in

    partner = accept_invite(runtime, email)
    assert partner.get("/partners/dashboard").status_code == 200

    page = ops.get("/admin/partners/acme").text
    row = re.search(rf"{re.escape(email)}.*?</tr>", page, re.S)
    assert row and ">active<" in row.group(0) and ">never<" not in row.group(0)  # last sign-in shown
    assert email not in ops.get("/admin/engagement").text

    contact_id = contact_id_of(page, email)
    version = re.search(rf'/admin/contacts/{contact_id}/status".*?name="version" value="(\d+)"', page, re.S)
    assert version
    disabled = ops.post(
        f"/admin/contacts/{contact_id}/status",
        {"csrf_token": csrf, "enabled": "false", "version": version.group(1), "confirmed": "yes"},
    )
    assert disabled.status_code == 303
    assert partner.get("/partners/dashboard").headers["Location"].startswith("/partners/login")


def test_resending_an_invite_voids_the_old_link(runtime: Runtime) -> None:
    ops, csrf = console(runtime, OPS)
    email = add_contact(runtime, ops, csrf, role="technical")
    old = link_in(runtime.wait_for_mail(email))
    contact_id = contact_id_of(ops.get("/admin/partners/acme").text, email)

    assert ops.post(f"/admin/contacts/{contact_id}/resend-invite", {"csrf_token": csrf}).status_code == 303

    fresh = link_in(runtime.wait_for_mail(email, already=1))
    assert fresh != old
    assert "Link expired" in Visitor(runtime.base_url).open_link(old).text
    accept_invite(runtime, email)


def test_the_auditor_can_change_nothing(runtime: Runtime) -> None:
    auditor, csrf = console(runtime, AUDITOR)

    for route in (r for r in ROUTES if r.audience is Audience.ADMIN and r.method == "POST"):
        if route.name in ("admin_logout", "admin_access_review_complete"):
            continue  # signing out, and attesting their own review, are the auditor's to do
        path = route.path.replace("{partner_id}", "acme").replace("{contact_id}", "acme-principal")
        answer = auditor.post(path, {"csrf_token": csrf, "version": "1", "name": "X", "role": "principal"})
        assert answer.status_code == 403, route.route_key


def test_ops_cannot_change_branding(runtime: Runtime) -> None:
    ops, csrf = console(runtime, OPS)

    assert ops.get("/admin/settings/branding").status_code == 403
    refused = ops.post(
        "/admin/settings/branding",
        {"csrf_token": csrf, "name": "Hijacked", "primary_colour": "#000000", "version": "1"},
    )
    assert refused.status_code == 403
    assert "Hijacked" not in Visitor(runtime.base_url).get("/partners/login").text


def test_a_partner_session_gets_nothing_from_the_console(runtime: Runtime) -> None:
    partner = accept_invite(runtime, runtime.invite("acme", "principal"))

    for route in (r for r in ROUTES if r.audience is Audience.ADMIN):
        path = route.path.replace("{partner_id}", "acme").replace("{contact_id}", "acme-principal")
        answer = partner.request(route.method, path, data={"csrf_token": "x"} if route.method == "POST" else None)
        assert answer.status_code == 303 and answer.headers["Location"].startswith("/admin/login"), route.route_key


def test_console_forms_refuse_missing_tokens_and_foreign_origins(runtime: Runtime) -> None:
    ops, csrf = console(runtime, OPS)
    form = {"partner_id": "csrf-test", "name": "Should Not Exist"}

    assert ops.post("/admin/partners", form).status_code == 403
    assert ops.post("/admin/partners", {**form, "csrf_token": csrf}, Origin="https://evil.example").status_code == 403
    assert ops.get("/admin/partners/csrf-test").status_code == 404


def test_the_audit_log_shows_each_action_and_exports_csv(runtime: Runtime) -> None:
    ops, csrf = console(runtime, OPS)
    email = add_contact(runtime, ops, csrf)
    owner, _ = console(runtime, OWNER)

    log = owner.get("/admin/audit?action=contact.invited").text
    assert email in log and f"admin:{OPS}" in log
    export = owner.get("/admin/audit/export?actor=admin:" + OPS)
    assert export.status_code == 200 and export.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert {"admin.signed_in", "contact.invited"} <= {row["action"] for row in rows}
    assert all(row["actor"] == f"admin:{OPS}" for row in rows)
