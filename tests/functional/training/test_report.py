"""The training report: every contact's standing per module, filtered by partner and module, and as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from infra.local import demo_training
from portside.data.models.records import OutboxMail
from tests.functional.portal import Portal


@pytest.fixture(autouse=True)
def seeded(portal: Portal, admin_pool: dict[str, Any]) -> None:
    demo_training.seed_training()


@pytest.mark.parametrize("email", ["auditor@northwind.example", "finance@northwind.example", "ops@northwind.example"])
def test_the_report_shows_each_contacts_standing(portal: Portal, email: str) -> None:
    portal.admin_sign_in(email)

    page = portal.get("/admin/training/report?partner=globex").body

    assert "Globex Tech" in page and "Acme Tech" not in page
    assert "Expired" in page and "Not passed — retake" in page and "last score 40%" in page
    assert "not for this role" in page  # a principal and the technical module


def test_the_report_filters_by_module_and_exports_as_csv(portal: Portal) -> None:
    portal.admin_sign_in("auditor@northwind.example")

    page = portal.get(f"/admin/training/report?module={demo_training.BASICS}").body
    exported = portal.get(f"/admin/training/report.csv?module={demo_training.BASICS}")

    assert "Installing Northwind routers</th>" not in page and "Northwind partner basics</th>" in page
    rows = list(csv.DictReader(io.StringIO(exported.body)))
    assert exported.headers["Content-Type"].startswith("text/csv") and len(rows) == 6  # every contact: it is for all
    by_email = {row["Email"]: row for row in rows}
    assert by_email["sales@acme.example"]["Status"] == "Expires soon"
    assert by_email["tech@acme.example"]["Status"] == "Not started"
    assert by_email["sales@globex.example"]["Last score"] == "40%"


def test_a_bad_filter_is_refused_plainly(portal: Portal) -> None:
    portal.admin_sign_in("auditor@northwind.example")

    answer = portal.get("/admin/training/report?partner=%3Cscript%3E")

    assert answer.status == 400 and "Choose a partner from the list" in answer.body


def test_engagement_lists_certificates_expiring_soon_with_a_nudge_once_a_day(portal: Portal) -> None:
    portal.admin_sign_in("ops@northwind.example")

    page = portal.get("/admin/engagement").body
    first = portal.admin_post(
        "/admin/engagement/certificates", {"contact_id": "acme-salesperson", "module_id": demo_training.BASICS}
    )
    again = portal.admin_post(
        "/admin/engagement/certificates", {"contact_id": "acme-salesperson", "module_id": demo_training.BASICS}
    )

    assert "Certificates expiring within 30 days (1)" in page and "Acme Sales" in page
    assert "Globex Tech" not in page.split("Certificates expiring")[1]  # expired already: not "expiring"
    assert (first.location, again.location) == ("/admin/engagement?nudged=1", "/admin/engagement?nudged=0")
    mails = [m for m in OutboxMail.scan() if isinstance(m, OutboxMail) and m.template == "certificate_expiring"]
    assert [m.to for m in mails] == [["sales@acme.example"]]
    unknown = portal.admin_post("/admin/engagement/certificates", {"contact_id": "acme-technical", "module_id": "nope"})
    assert unknown.status == 404


def test_auditors_see_the_list_but_cannot_nudge(portal: Portal) -> None:
    portal.admin_sign_in("auditor@northwind.example")

    assert "Nudge to renew" not in portal.get("/admin/engagement").body
    answer = portal.admin_post(
        "/admin/engagement/certificates", {"contact_id": "acme-salesperson", "module_id": demo_training.BASICS}
    )
    assert answer.status == 403
