"""The console's guard: what each admin role may do, the role table, and the forms every console page shares."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.seed import TENANT_ID
from portside.data import reads
from portside.data.models.records import AuditEvent
from portside.manifest import ROUTES, Audience
from tests.functional.deals.test_deals import DEAL as DEAL_FORM
from tests.functional.portal import Portal

OPS, AUDITOR, FINANCE = "ops@northwind.example", "auditor@northwind.example", "finance@northwind.example"
ADMIN_POSTS = [r for r in ROUTES if r.audience is Audience.ADMIN and r.method == "POST" and r.name != "admin_logout"]
# The auditor's one write: attesting that they reviewed access. It changes no partner, contact or admin.
AUDITOR_ATTESTATION = "admin_access_review_complete"


def console_path(path: str) -> str:
    return path.replace("{partner_id}", "acme").replace("{contact_id}", "acme-salesperson")


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
