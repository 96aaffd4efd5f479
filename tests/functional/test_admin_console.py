"""The console's guard, partners and contacts: what each admin role may do, and what each action does."""

from __future__ import annotations

import re
from typing import Any

import pytest

from infra.local.seed import TENANT_ID
from portside.data import reads
from portside.data.models.records import AuditEvent
from portside.data.models.tenants import Partner
from portside.manifest import ROUTES, Audience
from tests.functional.deals.test_deals import DEAL as DEAL_FORM
from tests.functional.portal import Portal

OPS, AUDITOR, FINANCE = "ops@northwind.example", "auditor@northwind.example", "finance@northwind.example"
NEW = "new.person@acme.example"
ADMIN_POSTS = [r for r in ROUTES if r.audience is Audience.ADMIN and r.method == "POST" and r.name != "admin_logout"]
# The auditor's one write: attesting that they reviewed access. It changes no partner, contact or admin.
AUDITOR_ATTESTATION = "admin_access_review_complete"


def console_path(path: str) -> str:
    return path.replace("{partner_id}", "acme").replace("{contact_id}", "acme-salesperson")


def audit(action: str) -> list[AuditEvent]:
    return [event for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)) if event.action == action]


def invite_new_contact(portal: Portal, role: str = "technical") -> None:
    answer = portal.admin_post("/admin/partners/acme/contacts", {"name": "New Person", "email": NEW, "role": role})
    assert answer.status == 303 and answer.location == "/admin/partners/acme?notice=invited"


# --- the guard -------------------------------------------------------------------------------------------------
def test_a_partner_session_opens_no_console_page(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("principal@acme.example")

    for route in (r for r in ROUTES if r.audience is Audience.ADMIN and r.method == "GET"):
        answer = portal.get(console_path(route.path))
        assert answer.status == 303 and answer.location.startswith("/admin/login"), route.path


def test_an_admin_session_opens_no_partner_page(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)

    assert portal.get("/partners/dashboard").location.startswith("/partners/login")


@pytest.mark.parametrize("route", ADMIN_POSTS, ids=[r.name for r in ADMIN_POSTS])
def test_the_auditor_changes_nothing(portal: Portal, admin_pool: dict[str, Any], route: Any) -> None:
    portal.admin_sign_in(AUDITOR)
    before = [event.action for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))]

    answer = portal.admin_post(console_path(route.path), {"version": "1", "role": "principal", "name": "X"})

    after = [event.action for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))]
    if route.name == AUDITOR_ATTESTATION:
        assert answer.status == 303 and after == [*before, "access_review.completed"]
    else:
        assert answer.status == 403 and "Your role does not give access" in answer.body
        assert after == [*before, "security.denied"]  # nothing changed; the refusal is on record


def test_each_role_sees_the_sections_the_matrix_gives_it(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(FINANCE)
    assert portal.get("/admin/partners").status == 200
    assert portal.get("/admin/partners/new").status == 403  # finance views partners, does not manage them
    assert portal.admin_post("/admin/partners", {"partner_id": "initech", "name": "Initech"}).status == 403
    home = portal.get("/admin").body
    assert 'href="/admin/partners"' in home and 'href="/admin/help/roles"' in home


def test_console_forms_refuse_missing_tokens_and_other_sites(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)
    form = {"partner_id": "initech", "name": "Initech"}

    assert portal.post("/admin/partners", form).status == 403
    assert portal.post("/admin/partners", {**form, "csrf_token": "forged-token-" * 3}).status == 403
    cross_site = {"csrf_token": portal.admin_csrf(), **form}
    assert portal.post("/admin/partners", cross_site, headers={"sec-fetch-site": "cross-site"}).status == 403
    assert reads.partner(TENANT_ID, "initech") is None


def test_the_role_table_is_the_matrix(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(AUDITOR)

    body = portal.get("/admin/help/roles").body

    assert "Partner roles" in body and "Admin roles" in body
    pricing = re.search(r"<th scope=\"row\">Pricing and credit requests</th>(.*?)</tr>", body, re.S)
    assert pricing and pricing.group(1).count("view, submit") == 1  # the principal only


# --- partners --------------------------------------------------------------------------------------------------
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


# --- contacts --------------------------------------------------------------------------------------------------
def test_an_added_contact_is_invited_signs_in_and_shows_their_last_sign_in(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(OPS)
    invite_new_contact(portal)
    page = portal.get("/admin/partners/acme").body
    assert "New Person" in page and "invited" in page and "Resend invite" in page

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
    assert fresh != old
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


@pytest.mark.parametrize(
    ("who", "path", "form", "names"),
    [
        (OPS, "/admin/contacts/acme-salesperson/status", {"enabled": "false", "version": "1"}, "sales@acme.example"),
        (OPS, "/admin/contacts/acme-principal/end-sessions", {}, "principal@acme.example"),
        (OPS, "/admin/engagement/nudge", {"group": "invited"}, ""),
        (OPS, "/admin/deals/DEAL/decision", {"decision": "reject", "note": "Globex came first."}, "sales@acme.example"),
    ],
    ids=["disable", "end-sessions", "nudge-all", "reject"],
)
def test_destructive_and_mass_actions_ask_first_on_a_page_that_names_who_is_affected(
    portal: Portal, admin_pool: dict[str, Any], who: str, path: str, form: dict[str, str], names: str
) -> None:
    if "DEAL" in path:
        portal.sign_in("sales@acme.example")
        new = portal.get("/partners/deals/new")
        fields = {**DEAL_FORM, "submission_id": new.field("submission_id"), "csrf_token": new.field("csrf_token")}
        path = path.replace("DEAL", portal.post("/partners/deals", fields).location.split("?")[0].rsplit("/", 1)[-1])
        portal.jar.clear()
    portal.admin_sign_in(who)
    if "nudge" in path:  # someone on the list: invited, never signed in
        invite = {"name": "Never Seen", "email": "never.seen@acme.example", "role": "technical"}
        portal.admin_post("/admin/partners/acme/contacts", invite)
        names = "never.seen@acme.example"
    before = [event.action for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))]

    asked = portal.admin_post(path, form)

    assert asked.status == 200 and 'name="confirmed" value="yes"' in asked.body and names in asked.body
    assert [event.action for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))] == before  # not yet
    confirmed = portal.post(path, {**asked.hidden_fields(), "confirmed": "yes"})
    assert confirmed.status == 303
    assert len(list(AuditEvent.query(AuditEvent.partition_of(TENANT_ID)))) > len(before)


def test_every_console_form_summarises_its_errors_and_links_each_field(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(OPS)

    contact = portal.admin_post("/admin/partners/acme/contacts", {"name": "", "email": "nope", "role": "king"})
    partner = portal.admin_post("/admin/partners", {"partner_id": "new", "name": ""})

    for answer, fields in ((contact, ("name", "email", "role")), (partner, ("partner_id", "name"))):
        assert answer.status == 400 and '<div class="error-summary" role="alert" tabindex="-1" autofocus' in answer.body
        for name in fields:
            assert f'href="#{name}"' in answer.body and f'id="{name}"' in answer.body
        assert '<span class="required">(required)</span>' in answer.body
