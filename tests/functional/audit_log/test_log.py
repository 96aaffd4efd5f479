"""The audit log as the console shows it: each action in names, filtered, paged, exported, and who may read it."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from typing import Any

from infra.local.seed import TENANT_ID
from portside.data.models.records import AuditEvent
from tests.functional.portal import Portal

OPS, AUDITOR, OWNER = "ops@northwind.example", "auditor@northwind.example", "owner@northwind.example"


def actions_in(body: str) -> list[str]:
    return re.findall(
        r'<td><a href="/admin/audit\?action=[^"]+">[^<]+</a><br><span class="muted small">([^<]+)</span>', body
    )


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
