"""Training over HTTP against the local runtime: the story and its attacks."""

from __future__ import annotations

import re
import uuid

import pytest

from infra.local import demo_training
from tests.e2e.client import Visitor, field
from tests.e2e.deals.test_deals_over_http import contact, partner
from tests.e2e.runtime import Runtime
from tests.e2e.test_console_over_http import console

pytestmark = pytest.mark.e2e

OPS = "ops@northwind.example"
RIGHT = {"q1": "1", "q2": ["0", "2"]}


def authored(runtime: Runtime, audience: str = "all") -> str:
    """A module ops writes and publishes through the console; its id."""
    ops, csrf = console(runtime, OPS)
    created = ops.post(
        "/admin/training",
        {
            "csrf_token": csrf,
            "title": f"Switch basics {uuid.uuid4().hex[:6]}",
            "description": "How our switches work.",
            "audience": audience,
            "threshold": "80",
            "valid_days": "365",
            "question_1": "Which port is the uplink?",
            "options_1": "Port 1\n*Port 8",
            "question_2": "Which are routing protocols?",
            "options_2": "*OSPF\nHTTP\n*BGP",
        },
    )
    assert created.status_code == 303, created.text
    module_id = created.headers["Location"].split("?")[0].rsplit("/", 1)[-1]
    version = field(ops.get(f"/admin/training/{module_id}").text, "version")
    published = ops.post(
        f"/admin/training/{module_id}/state", {"csrf_token": csrf, "state": "published", "version": version}
    )
    assert published.status_code == 303
    return module_id


def take(visitor: Visitor, module_id: str, answers: dict, version: str | None = None) -> object:
    page = visitor.get(f"/partners/training/{module_id}").text
    form = {"csrf_token": field(page, "csrf_token"), "quiz_version": version or field(page, "quiz_version"), **answers}
    return visitor.post(f"/partners/training/{module_id}", form)


def test_ops_publishes_a_contact_fails_then_passes_and_the_report_shows_it(runtime: Runtime) -> None:
    module_id = authored(runtime)
    tech, email = contact(runtime, "acme", "technical")

    failed = take(tech, module_id, {"q1": "1", "q2": "0"})
    assert failed.status_code == 303 and "result=failed" in failed.headers["Location"]
    assert "Question 2 was not right" in tech.get(failed.headers["Location"]).text
    passed = take(tech, module_id, RIGHT)
    assert "Passed: 100%" in tech.get(passed.headers["Location"]).text

    certificate = tech.get(f"/partners/training/{module_id}/certificate").text
    code = re.search(r"<code>([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})</code>", certificate)
    assert code, certificate[-2000:]
    checked = Visitor(runtime.base_url).get(f"/verify/{code.group(1)}")
    assert checked.status_code == 200 and "Valid." in checked.text and "Test Technical" in checked.text
    ops, _ = console(runtime, OPS)
    assert "Switch basics" in ops.get(f"/admin/training/report?partner=acme&module={module_id}").text
    exported = ops.get(f"/admin/training/report.csv?partner=acme&module={module_id}").text
    (row,) = [line for line in exported.splitlines() if email in line]
    assert ",Certified," in row


def test_the_quiz_page_never_carries_the_answers_and_forgeries_are_refused(runtime: Runtime) -> None:
    module_id = authored(runtime)
    tech = partner(runtime, "acme", "technical")
    page = tech.get(f"/partners/training/{module_id}").text

    assert "*Port 8" not in page and "*OSPF" not in page and "correct" not in page.casefold()
    assert tech.get(f"/partners/training/{module_id}x").status_code == 404
    older = take(tech, module_id, RIGHT, version="9")
    assert older.status_code == 409 and "not graded" in older.text
    assert tech.get(f"/partners/training/{module_id}/certificate").status_code == 404  # nothing passed yet


def test_a_module_for_another_role_is_not_found(runtime: Runtime) -> None:
    module_id = authored(runtime, audience="technical")
    sales = partner(runtime, "globex", "salesperson")

    assert sales.get(f"/partners/training/{module_id}").status_code == 404
    assert take_status(sales, module_id) == 404


def take_status(visitor: Visitor, module_id: str) -> int:
    csrf = field(visitor.get("/partners/training").text, "csrf_token")
    form = {"csrf_token": csrf, "quiz_version": "1", **RIGHT}
    return visitor.post(f"/partners/training/{module_id}", form).status_code


def test_five_attempts_a_day_then_refused(runtime: Runtime) -> None:
    module_id = authored(runtime)
    sales = partner(runtime, "acme", "salesperson")
    for _ in range(5):
        assert take(sales, module_id, {"q1": "0"}).status_code == 303

    sixth = take(sales, module_id, RIGHT)

    assert sixth.status_code == 429 and "Try again tomorrow" in sixth.text


def test_another_contacts_certificate_stays_theirs(runtime: Runtime) -> None:
    module_id = authored(runtime)
    acme = partner(runtime, "acme", "technical")
    take(acme, module_id, RIGHT)
    globex = partner(runtime, "globex", "technical")

    assert globex.get(f"/partners/training/{module_id}/certificate").status_code == 404


def test_a_gated_space_is_closed_until_the_module_is_passed(runtime: Runtime) -> None:
    tech = partner(runtime, "globex", "technical")
    closed = tech.get("/partners/documents").text
    assert "needs a current certificate of “Installing Northwind routers”" in closed

    answers = {"q1": "1", "q2": ["0", "1"]}
    assert "result=passed" in take(tech, demo_training.TECHNICAL_MODULE, answers).headers["Location"]

    opened = tech.get("/partners/documents").text
    assert "needs a current certificate" not in opened and "Installation guide" in opened
