"""Access review in the console: every contact and admin listed, who reviewed recorded; the role table is the matrix."""

from __future__ import annotations

import re
from typing import Any

from infra.local.seed import TENANT_ID
from portside.access_review.models import AccessReview
from portside.data.models.records import AuditEvent
from tests.functional.portal import Portal

OPS, AUDITOR = "ops@northwind.example", "auditor@northwind.example"


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


def test_the_role_table_is_the_matrix(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(AUDITOR)

    body = portal.get("/admin/help/roles").body

    assert "Partner roles" in body and "Admin roles" in body
    pricing = re.search(r"<th scope=\"row\">Pricing and credit requests</th>(.*?)</tr>", body, re.S)
    assert pricing and pricing.group(1).count("view, submit") == 1  # the principal only
