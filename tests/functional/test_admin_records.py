"""The audit log, engagement nudges and access review, as the console shows them."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from typing import Any

from infra.local import demo_imports, demo_lookups, demo_requests, demo_training
from infra.local.seed import CONTACTS, TENANT_ID
from portside.approvals.following import attachment_document
from portside.approvals.models import PricingRequest
from portside.audit import Client
from portside.aws import client
from portside.config import settings
from portside.data import reads
from portside.data.models.admins import AccessReview
from portside.data.models.records import AuditEvent
from portside.deals.models import Deal
from portside.documents.library import space_documents
from portside.documents.spaces import SpaceFields, create_space
from portside.imports.columns import COLUMNS, EXAMPLE_ROWS
from portside.manifest import ROUTES, Audience
from portside.questions.models import Question
from portside.storage.documents import document_key
from tests.functional.documents.helpers import PDF, save_upload
from tests.functional.imports.helpers import csv_text, latest_job, run_imports, start
from tests.functional.portal import Portal

OPS, AUDITOR, OWNER = "ops@northwind.example", "auditor@northwind.example", "owner@northwind.example"


def actions_in(body: str) -> list[str]:
    return re.findall(
        r'<td><a href="/admin/audit\?action=[^"]+">[^<]+</a><br><span class="muted small">([^<]+)</span>', body
    )


# --- audit log -------------------------------------------------------------------------------------------------
def test_the_audit_log_shows_each_action_with_actor_target_time_ip_and_agent(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(OPS)
    portal.admin_post("/admin/partners", {"partner_id": "initech", "name": "Initech"})
    portal.jar.clear()
    portal.admin_sign_in(AUDITOR)

    body = portal.get("/admin/audit").body

    assert actions_in(body)[:3] == ["admin.signed_in", "partner.created", "admin.signed_in"]  # newest first
    row = re.search(r"<tr>(?:(?!</tr>).)*partner\.created.*?</tr>", body, re.S)
    assert row is not None
    for expected in ("admin:ops@northwind.example", "partner:initech", "203.0.113.10", "pytest", "name: Initech"):
        assert expected in row.group(0)


def test_the_audit_log_filters_by_actor_action_target_and_date(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("principal@acme.example")
    portal.admin_sign_in(OWNER)
    portal.admin_post("/admin/contacts/acme-principal/end-sessions", {"confirmed": "yes"})

    by_actor = portal.get("/admin/audit?actor=contact:acme-principal").body
    # Asking for a link is anonymous (anyone can type an address); signing in is the contact's own act.
    assert set(actions_in(by_actor)) == {"sign_in.succeeded"}
    by_action = portal.get("/admin/audit?action=sign_in.").body
    assert set(actions_in(by_action)) == {"sign_in.link_requested", "sign_in.succeeded"}
    by_target = portal.get("/admin/audit?target=contact:acme-principal&action=contact.sessions_ended").body
    assert actions_in(by_target) == ["contact.sessions_ended"]
    today = portal.get("/admin/audit").body
    tomorrow = (portal_now() + timedelta(days=1)).date().isoformat()
    assert actions_in(portal.get(f"/admin/audit?since={tomorrow}").body) == []
    assert len(actions_in(portal.get(f"/admin/audit?until={tomorrow}").body)) == len(actions_in(today))
    refused = portal.get("/admin/audit?since=2026-11-22&until=2026-11-01")
    assert refused.status == 400 and 'id="until-error"' in refused.body


def portal_now() -> Any:
    from portside import clock

    return clock.now()


def test_the_audit_log_pages_by_cursor(portal: Portal, admin_pool: dict[str, Any]) -> None:
    for number in range(60):
        AuditEvent.build(
            TENANT_ID,
            f"e{number:03d}",
            portal_now() - timedelta(minutes=60 - number),
            "system:test",
            action="test.event",
            target=f"thing:{number}",
        ).save()
    portal.admin_sign_in(AUDITOR)

    first = portal.get("/admin/audit?action=test.event")
    older = re.search(r'href="(/admin/audit\?action=test.event&amp;cursor=[^"]+)">Older entries', first.body)
    assert older is not None
    second = portal.get(older.group(1).replace("&amp;", "&"))

    targets = re.findall(r">thing:(\d+)</a>", first.body) + re.findall(r">thing:(\d+)</a>", second.body)
    assert [int(t) for t in targets] == list(range(59, -1, -1))  # every event once, newest first


def test_the_audit_log_exports_csv_and_records_the_export(portal: Portal, admin_pool: dict[str, Any]) -> None:
    AuditEvent.build(TENANT_ID, "evil", portal_now(), '=HYPERLINK("x")', action="test.event", target="t").save()
    portal.admin_sign_in(AUDITOR)

    export = portal.get("/admin/audit/export?action=test.event")

    assert export.status == 200 and export.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in export.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(export.body)))
    assert [row["action"] for row in rows] == ["test.event"]
    assert rows[0]["actor"] == '\'=HYPERLINK("x")'  # a spreadsheet shows it, never runs it
    assert "audit_log.exported" in [e.action for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))]


def test_ops_may_not_read_or_export_the_audit_log(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)

    assert portal.get("/admin/audit").status == 403
    assert portal.get("/admin/audit/export").status == 403


# --- engagement ------------------------------------------------------------------------------------------------
def test_engagement_lists_the_never_signed_in_and_the_long_unseen_by_partner(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.sign_in("principal@globex.example")  # seen today
    portal.jar.clear()
    portal.admin_sign_in(OPS)
    portal.admin_post(
        "/admin/partners/acme/contacts", {"name": "Ann New", "email": "ann@acme.example", "role": "technical"}
    )

    page = portal.get("/admin/engagement").body
    invited, dormant = page.split("<h2>Not seen for 90 days")
    assert "Ann New" in invited and "Acme Resellers" in invited
    assert "Globex Principal" not in dormant  # seen today

    portal.advance_clock(timedelta(days=91))
    portal.jar.clear()
    portal.admin_sign_in(OPS)
    later = portal.get("/admin/engagement").body.split("<h2>Not seen for 90 days")[1]
    assert "Globex Principal" in later and "Globex Retail" in later


def test_a_nudge_mails_a_fresh_invite_and_is_audited_once_a_day(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)
    portal.admin_post(
        "/admin/partners/acme/contacts", {"name": "Ann New", "email": "ann@acme.example", "role": "technical"}
    )
    first_link = portal.link_token(portal.last_mail_to("ann@acme.example"))
    contact = reads.contact_by_email(TENANT_ID, "ann@acme.example")
    assert contact is not None

    nudged = portal.admin_post("/admin/engagement/nudge", {"contact_id": contact.contact_id})

    assert nudged.location == "/admin/engagement?nudged=1"
    mail = portal.last_mail_to("ann@acme.example")
    assert "have not signed in yet" in mail.text
    assert "Link expired" in portal.get(f"/partners/auth/magic?token={first_link}").body
    assert "Welcome" in portal.get(f"/partners/auth/magic?token={portal.link_token(mail)}").body
    again = portal.admin_post("/admin/engagement/nudge", {"group": "invited", "confirmed": "yes"})
    assert again.location == "/admin/engagement?nudged=0"  # nudged within the day already
    nudges = [e for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)) if e.action == "contact.nudged"]
    assert [(e.actor, e.target) for e in nudges] == [(f"admin:{OPS}", f"contact:{contact.contact_id}")]


def test_nudging_a_whole_list_mails_each_dormant_contact(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.advance_clock(timedelta(days=100))  # no demo contact has been seen since the seed
    portal.admin_sign_in(OPS)

    nudged = portal.admin_post("/admin/engagement/nudge", {"group": "dormant", "confirmed": "yes"})

    assert nudged.location == f"/admin/engagement?nudged={len(CONTACTS)}"
    for demo in CONTACTS:
        assert "have not seen you" in portal.last_mail_to(demo.email).text


# --- access review ---------------------------------------------------------------------------------------------
def test_access_review_lists_every_contact_and_admin_and_records_who_reviewed(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(AUDITOR)

    page = portal.get("/admin/access-review").body
    for who in ("owner@northwind.example", "finance@northwind.example", "tech@globex.example", "Acme Resellers"):
        assert who in page
    assert "No review has been recorded yet" in page

    done = portal.admin_post("/admin/access-review", {"note": "Quarterly review"})

    assert done.location == "/admin/access-review?notice=done"
    assert "Last reviewed by admin:auditor@northwind.example" in portal.get(done.location).body
    reviews = list(AccessReview.query(AccessReview.partition_of(TENANT_ID)))
    assert [(r.reviewer, r.note) for r in reviews] == [("admin:auditor@northwind.example", "Quarterly review")]
    completed = [
        e for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)) if e.action == "access_review.completed"
    ]
    assert len(completed) == 1 and completed[0].actor == "admin:auditor@northwind.example"


def test_ops_cannot_record_an_access_review(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)

    assert portal.get("/admin/access-review").status == 403
    assert portal.admin_post("/admin/access-review", {"note": "x"}).status == 403
    assert list(AccessReview.query(AccessReview.partition_of(TENANT_ID))) == []


def uploaded_document(portal: Portal, space_id: str) -> str:
    assert save_upload(portal, space_id, "guide.pdf", PDF, "Guide").status == 303
    (document,) = space_documents(reads.tenant(TENANT_ID), space_id, archived_too=False)  # type: ignore[arg-type]
    return str(document.document_id)


def import_with_a_report(portal: Portal) -> str:
    """An import with one rejected row, so that its report exists."""
    start(portal, csv_text(COLUMNS["accounts"], [{**EXAMPLE_ROWS["accounts"], "balance": "x"}]), "accounts")
    assert run_imports() == ["done"]
    return str(latest_job().import_id)


def seeded_module() -> str:
    demo_training.seed_training()
    return demo_training.BASICS


def credit_request_with_a_file() -> str:
    """A demo credit request carrying a supporting file, as the portal keeps one."""
    demo_requests.seed_requests()
    request = PricingRequest.get(*PricingRequest.keys_for(TENANT_ID, "demo-acme-credit-new"))
    request.attachment_key = document_key(TENANT_ID, attachment_document(request.request_id))
    request.attachment_name, request.attachment_type, request.attachment_size = "bank.pdf", "application/pdf", 3
    request.save()
    client("s3").put_object(Bucket=settings().documents_bucket, Key=request.attachment_key, Body=b"%PDF")
    return request.request_id


def test_every_console_page_opens_for_the_owner(portal: Portal, admin_pool: dict[str, Any]) -> None:
    deal = Deal.build(
        TENANT_ID,
        "d" * 32,
        "acme",
        portal_now(),
        submitter_id="acme-salesperson",
        submitter_name="Acme Sales",
        customer_name="Initech",
        customer_key="initech",
        title="Laptops",
        amount_cents=100,
        description="x",
    )
    deal.save()
    question = Question.build(
        TENANT_ID,
        "q" * 32,
        "acme",
        portal_now(),
        asker_id="acme-technical",
        asker_name="Acme Tech",
        subject="Rails?",
        body="x",
    )
    question.save()
    demo_lookups.seed_lookups()
    portal.admin_sign_in(OWNER)
    space = create_space(
        reads.tenant(TENANT_ID),  # type: ignore[arg-type]
        SpaceFields("Guides", None, (), ("technical",)),
        "admin:ops@northwind.example",
        Client(),
    )
    ids = {
        "{partner_id}": "acme",
        "{deal_id}": deal.deal_id,
        "{question_id}": question.question_id,
        "{space_id}": space.space_id,
        "{document_id}": uploaded_document(portal, space.space_id),
        "{order_number}": "SO-10042",
        "{kind}": "orders",
        "{import_id}": import_with_a_report(portal),
        "{request_id}": credit_request_with_a_file(),
        "{module_id}": seeded_module(),
    }

    demo_imports.seed_held_import()
    held = {"admin_import_held": {"{import_id}": demo_imports.HELD_IMPORT_ID}}  # a held run's list of changes

    for route in (r for r in ROUTES if r.audience is Audience.ADMIN and r.method == "GET"):
        path = route.path
        for parameter, value in {**ids, **held.get(route.name, {})}.items():
            path = path.replace(parameter, value)
        page = portal.get(path)
        if route.kind == "download":  # a file: answered here, or by a one-minute S3 link
            assert page.status in (200, 303), route.path
        else:
            assert page.status == 200 and "<h1>" in page.body, route.path
