"""Partners and contacts in the console: created, edited, searched; invited, given a role, disabled, signed out."""

from __future__ import annotations

import re
from typing import Any

import pytest

from infra.local.seed import TENANT_ID
from portside.data import reads
from portside.data.models.records import AuditEvent
from portside.data.models.tenants import Partner
from tests.functional.portal import Portal

OPS = "ops@northwind.example"
NEW = "new.person@acme.example"


def audit(action: str) -> list[AuditEvent]:
    return [event for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)) if event.action == action]


def invite_new_contact(portal: Portal, role: str = "technical") -> None:
    answer = portal.admin_post("/admin/partners/acme/contacts", {"name": "New Person", "email": NEW, "role": role})
    assert answer.status == 303 and answer.location == "/admin/partners/acme?notice=invited"


def test_ops_creates_and_edits_a_partner(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)

    created = portal.admin_post(
        "/admin/partners", {"partner_id": "initech", "name": "Initech", "tier": "Bronze", "status": "prospect"}
    )
    assert created.status == 303 and created.location == "/admin/partners/initech?notice=created"
    assert "Partner created" in portal.get(created.location).body

    edit = portal.get("/admin/partners/initech/edit")
    saved = portal.admin_post(
        "/admin/partners/initech", {"name": "Initech Ltd", "territory": "EMEA", "version": edit.field("version")}
    )
    assert saved.location == "/admin/partners/initech?notice=updated"
    partner = reads.partner(TENANT_ID, "initech")
    assert partner is not None and (partner.name, partner.tier, partner.territory) == ("Initech Ltd", None, "EMEA")
    assert [e.details.as_dict()["name"] for e in audit("partner.updated")] == ["Initech Ltd"]  # type: ignore[union-attr]


def test_two_admins_editing_at_once_cannot_overwrite_each_other(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)
    version = portal.get("/admin/partners/acme/edit").field("version")
    assert portal.admin_post("/admin/partners/acme", {"name": "Acme One", "version": version}).status == 303

    late = portal.admin_post("/admin/partners/acme", {"name": "Acme Two", "version": version})

    assert late.status == 409 and "Someone else changed this" in late.body
    assert reads.partner(TENANT_ID, "acme").name == "Acme One"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"partner_id": "new", "name": "Reserved"}, "partner_id"),
        ({"partner_id": "Bad Id", "name": "Spaces"}, "partner_id"),
        ({"partner_id": "acme", "name": "Duplicate"}, "partner_id"),
        ({"partner_id": "initech", "name": ""}, "name"),
        ({"partner_id": "initech", "name": "X", "status": "deleted"}, "status"),
    ],
)
def test_bad_partner_input_shows_the_form_again_and_creates_nothing(
    portal: Portal, admin_pool: dict[str, Any], form: dict[str, str], field: str
) -> None:
    portal.admin_sign_in(OPS)

    answer = portal.admin_post("/admin/partners", form)

    assert answer.status == 400 and f'id="{field}-error"' in answer.body
    assert reads.partner(TENANT_ID, "initech") is None and reads.partner(TENANT_ID, "new") is None


def test_partners_are_searched_by_name_and_paged_by_cursor(portal: Portal, admin_pool: dict[str, Any]) -> None:
    for number in range(30):
        Partner.build(TENANT_ID, f"reseller-{number:02d}", f"Reseller {number:02d}").save()
    portal.admin_sign_in(OPS)

    first = portal.get("/admin/partners?q=resel")
    names = re.findall(r">(Reseller \d\d)</a>", first.body)
    assert names == [f"Reseller {n:02d}" for n in range(25)]
    next_link = re.search(r'href="(/admin/partners\?q=resel&amp;cursor=[^"]+)"', first.body)
    assert next_link
    second = portal.get(next_link.group(1).replace("&amp;", "&"))
    assert re.findall(r">(Reseller \d\d)</a>", second.body) == [f"Reseller {n:02d}" for n in range(25, 30)]
    assert "Acme" not in first.body and "Globex" not in second.body
    assert portal.get("/admin/partners?cursor=eyJQSyI6eyJTIjoiVCNvdGhlciJ9fQ").status == 400  # another partition


def test_an_added_contact_is_invited_signs_in_and_shows_their_last_sign_in(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(OPS)
    invite_new_contact(portal)
    page = portal.get("/admin/partners/acme").body
    assert "New Person" in page and "invited" in page and "Resend invite" in page
    assert f"{OPS} at Northwind Distribution sent the invitation." in portal.last_mail_to(NEW).text

    token = portal.link_token(portal.last_mail_to(NEW))
    admin_cookie = portal.jar.pop("__Host-portside-admin")
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token}).status == 303
    portal.jar["__Host-portside-admin"] = admin_cookie

    row = re.search(r"New Person.*?</tr>", portal.get("/admin/partners/acme").body, re.S)
    assert row and ">active<" in row.group(0) and "never" not in row.group(0)
    assert audit("contact.invited")[0].actor == f"admin:{OPS}"


def test_resending_an_invite_voids_the_old_link(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)
    invite_new_contact(portal)
    old = portal.link_token(portal.last_mail_to(NEW))
    contact = reads.contact_by_email(TENANT_ID, NEW)
    assert contact is not None

    resent = portal.admin_post(f"/admin/contacts/{contact.contact_id}/resend-invite")

    assert resent.location == "/admin/partners/acme?notice=resent"
    fresh = portal.link_token(portal.last_mail_to(NEW))
    assert fresh != old and f"{OPS} at Northwind Distribution sent" in portal.last_mail_to(NEW).text
    assert "Link expired" in portal.get(f"/partners/auth/magic?token={old}").body
    assert "Welcome" in portal.get(f"/partners/auth/magic?token={fresh}").body


def test_disabling_a_contact_ends_their_sessions_at_once(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("sales@acme.example")
    partner_cookie = portal.jar.pop("__Host-portside-session")
    portal.admin_sign_in(OPS)
    version = str(reads.contact(TENANT_ID, "acme-salesperson").version)  # type: ignore[union-attr]

    disabled = portal.admin_post(
        "/admin/contacts/acme-salesperson/status", {"enabled": "false", "version": version, "confirmed": "yes"}
    )

    assert disabled.location == "/admin/partners/acme?notice=disabled"
    assert reads.sessions_of_contact(TENANT_ID, "acme-salesperson") == []
    portal.jar["__Host-portside-session"] = partner_cookie
    assert portal.get("/partners/dashboard").location.startswith("/partners/login")
    mailed_before = len([m for m in portal.sent_mail() if "sales@acme.example" in m.to])
    portal.request_link("sales@acme.example")
    assert len([m for m in portal.sent_mail() if "sales@acme.example" in m.to]) == mailed_before  # no link
    stale = portal.admin_post("/admin/contacts/acme-salesperson/status", {"enabled": "true", "version": version})
    assert stale.status == 409  # the form was read before the change
    enabled = portal.admin_post(
        "/admin/contacts/acme-salesperson/status", {"enabled": "true", "version": str(int(version) + 1)}
    )
    assert enabled.location == "/admin/partners/acme?notice=enabled"
    assert reads.contact(TENANT_ID, "acme-salesperson").status == "active"  # type: ignore[union-attr]


def test_a_role_change_applies_at_once(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("tech@acme.example")
    portal.admin_sign_in(OPS)

    changed = portal.admin_post("/admin/contacts/acme-technical/role", {"role": "salesperson", "version": "1"})

    assert changed.location == "/admin/partners/acme?notice=role"
    assert reads.contact(TENANT_ID, "acme-technical").role == "salesperson"  # type: ignore[union-attr]
    assert reads.sessions_of_contact(TENANT_ID, "acme-technical") == []
    assert audit("contact.role_changed")[0].details.as_dict() == {"old": "technical", "new": "salesperson"}


def test_ending_sessions_signs_the_contact_out_everywhere(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("principal@acme.example")
    portal.jar.clear()
    portal.sign_in("principal@acme.example")  # a second browser
    assert len(reads.sessions_of_contact(TENANT_ID, "acme-principal")) == 2
    portal.admin_sign_in(OPS)

    assert portal.admin_post("/admin/contacts/acme-principal/end-sessions", {"confirmed": "yes"}).location.endswith(
        "notice=sessions"
    )

    assert reads.sessions_of_contact(TENANT_ID, "acme-principal") == []
    assert portal.get("/partners/dashboard").location.startswith("/partners/login")
