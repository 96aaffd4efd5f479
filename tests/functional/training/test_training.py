"""Training, the partner side: the modules for a role, a quiz graded on the server, certificates, the public check."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from infra.local.seed import TENANT_ID
from portside.data.models.records import AuditEvent, OutboxMail
from portside.training.expiry import run_certificate_job
from portside.training.models import Certificate, ModuleHolders, QuizAttempt, TrainingModule
from tests.functional.portal import Portal
from tests.functional.training.helpers import RIGHT, WRONG_SECOND, author, standing, take


@pytest.fixture(autouse=True)
def signed_in_admins(admin_pool: dict[str, Any]) -> None:
    """Every test here authors as ops first."""


def attempts() -> list[QuizAttempt]:
    return [item for item in QuizAttempt.scan() if isinstance(item, QuizAttempt)]  # test-only


def test_a_contact_fails_then_passes_and_gets_a_certificate(portal: Portal) -> None:
    module_id = author(portal)
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    assert (
        "Router basics" in portal.get("/partners/training").body
        and "Not started" in portal.get("/partners/training").body
    )

    failed = take(portal, module_id, WRONG_SECOND)

    assert failed.location == f"/partners/training/{module_id}?result=failed"
    page = portal.get(failed.location).body
    assert "Not passed: 50%" in page and "Question 2 was not right" in page
    assert "Not passed — retake" in portal.get("/partners/training").body
    passed = take(portal, module_id, RIGHT)
    page = portal.get(passed.location).body
    assert "Passed: 100%" in page and "Every answer was right" in page
    held = standing("acme-technical", module_id)
    assert (held.attempts, held.cert_score, held.cert_version) == (2, 100, 1) and held.cert_expires_at is not None
    assert (held.cert_expires_at - held.cert_issued_at) == timedelta(days=365)
    assert len(attempts()) == 2
    certificate = portal.get(f"/partners/training/{module_id}/certificate").body
    assert "Acme Tech" in certificate and "Acme Resellers" in certificate and held.cert_code in certificate
    actions = [e.action for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))]
    assert actions.count("training.failed") == 1 and actions.count("training.passed") == 1


def checked(page: str, question: str) -> list[str]:
    return re.findall(rf'name="{question}" value="(\d+)" checked', page)


def test_a_failed_quiz_keeps_every_answer_and_marks_the_wrong_questions_only(portal: Portal) -> None:
    module_id = author(portal)
    portal.jar.clear()
    portal.sign_in("tech@acme.example")

    failed = portal.get(take(portal, module_id, WRONG_SECOND).location).body
    fresh = portal.get(f"/partners/training/{module_id}").body

    assert checked(failed, "q1") == ["1"] and checked(failed, "q2") == ["0"], "the answers given, right or wrong"
    assert 'class="question missed" aria-describedby="missed-2"' in failed and "missed-1" not in failed
    assert "correct" not in failed.casefold()
    assert checked(fresh, "q1") == [] and 'class="question missed"' not in fresh, "a fresh look starts fresh"


def test_answers_kept_for_an_older_quiz_are_not_put_on_a_changed_one() -> None:
    from portside.training.models import TrainingStatus
    from portside.training.pages import kept_answers

    status = TrainingStatus.build(TENANT_ID, "c", "p", "m")
    status.last_answers_json, status.last_quiz_version = '{"1": [2]}', 1

    assert kept_answers(status, 1) == {1: ["2"]} and kept_answers(status, 2) == {} and kept_answers(None, 1) == {}


def test_the_page_never_carries_the_right_answers(portal: Portal) -> None:
    module_id = author(portal)
    portal.jar.clear()
    portal.sign_in("tech@acme.example")

    page = portal.get(f"/partners/training/{module_id}").body

    assert "Port 8" in page and "*Port 8" not in page and "correct" not in page.casefold()
    assert page.count('type="radio" name="q1"') == 3 and page.count('type="checkbox" name="q2"') == 3
    assert '<a href="https://docs.example/routers" rel="noopener nofollow">' in page


def test_a_module_saved_before_it_kept_its_quiz_as_shown_still_shows_its_quiz(portal: Portal) -> None:
    """The page reads the quiz from the module; a module without it there reads its quiz version, as before."""
    module_id = author(portal)
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    kept = portal.get(f"/partners/training/{module_id}").body
    saved = TrainingModule.get(*TrainingModule.keys_for(TENANT_ID, module_id))
    assert saved.quiz_shown

    saved.update(actions=[TrainingModule.quiz_shown.remove()])
    older = portal.get(f"/partners/training/{module_id}").body

    assert "Which are routing protocols?" in older and 'type="checkbox" name="q2"' in older
    assert older.partition("<main")[2] == kept.partition("<main")[2], "the same page"


def test_the_public_check_says_name_module_and_validity_only(portal: Portal) -> None:
    module_id = author(portal)
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    take(portal, module_id, RIGHT)
    code = standing("acme-technical", module_id).cert_code
    portal.jar.clear()

    checked = portal.get(f"/verify/{code}")
    lower = portal.get(f"/verify/{code.lower()}")

    assert checked.status == 200 and "Valid." in checked.body and "Acme Tech" in checked.body
    shown = checked.body[checked.body.index("<main") :]
    assert "Router basics" in shown and "Acme Resellers" not in shown and "100%" not in shown
    assert lower.status == 200
    for unknown in ("AAAA-BBBB-CCCC", "not-a-code"):
        answer = portal.get(f"/verify/{unknown}")
        assert answer.status == 404 and "No certificate has this code." in answer.body, unknown
        assert "We could not find that page" not in answer.body


def test_an_expired_certificate_is_checked_as_expired(portal: Portal) -> None:
    module_id = author(portal, valid_days="30")
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    take(portal, module_id, RIGHT)
    code = standing("acme-technical", module_id).cert_code
    portal.advance_clock(timedelta(days=31))

    assert "Expired." in portal.get(f"/verify/{code}").body
    portal.sign_in("tech@acme.example")  # the session of a month ago has ended
    assert "Expired" in portal.get("/partners/training").body


def test_five_attempts_a_day_then_the_quiz_waits(portal: Portal) -> None:
    module_id = author(portal)
    portal.jar.clear()
    portal.sign_in("sales@acme.example")
    for _ in range(5):
        assert take(portal, module_id, WRONG_SECOND).status == 303

    sixth = take(portal, module_id, RIGHT)

    assert sixth.status == 429 and "5 attempts at this quiz. Try again tomorrow." in sixth.body
    assert standing("acme-salesperson", module_id).attempts == 5 and len(attempts()) == 5
    portal.advance_clock(timedelta(days=1))
    assert take(portal, module_id, RIGHT).location.endswith("result=passed")


def test_an_older_version_of_the_quiz_is_refused_plainly(portal: Portal) -> None:
    module_id = author(portal)
    portal.jar.clear()
    portal.sign_in("tech@acme.example")

    answer = take(portal, module_id, RIGHT, quiz_version="7")

    assert answer.status == 409 and "changed after you opened it" in answer.body and not attempts()


@pytest.mark.parametrize(
    ("audience", "email", "seen"),
    [
        ("technical", "sales@acme.example", False),
        ("technical", "tech@globex.example", True),
        ("salesperson", "tech@acme.example", False),
    ],
)
def test_a_module_shows_to_its_audience_only(portal: Portal, audience: str, email: str, seen: bool) -> None:
    module_id = author(portal, audience=audience)
    portal.jar.clear()
    portal.sign_in(email)

    assert ("Router basics" in portal.get("/partners/training").body) is seen
    assert portal.get(f"/partners/training/{module_id}").status == (200 if seen else 404)


def test_a_draft_or_unknown_module_is_not_found(portal: Portal) -> None:
    draft = author(portal, publish=False)
    portal.jar.clear()
    portal.sign_in("tech@acme.example")

    assert portal.get(f"/partners/training/{draft}").status == 404
    assert take_status(portal, draft) == 404
    assert portal.get(f"/partners/training/{draft}/certificate").status == 404


def take_status(portal: Portal, module_id: str) -> int:
    csrf = portal.get("/partners/training").field("csrf_token")
    return portal.post(f"/partners/training/{module_id}", {"csrf_token": csrf, "quiz_version": "1", **RIGHT}).status  # type: ignore[dict-item]


def test_another_contacts_certificate_is_not_theirs(portal: Portal) -> None:
    module_id = author(portal)
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    take(portal, module_id, RIGHT)
    portal.jar.clear()
    portal.sign_in("tech@globex.example")

    assert portal.get(f"/partners/training/{module_id}/certificate").status == 404
    assert len([c for c in Certificate.scan() if isinstance(c, Certificate)]) == 1
    assert re.search(r"Not started", portal.get("/partners/training").body)


def test_the_certificate_page_reads_the_standing_and_an_older_standing_still_opens(portal: Portal) -> None:
    module_id = author(portal)
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    take(portal, module_id, RIGHT)
    held = standing("acme-technical", module_id)
    kept = portal.get(f"/partners/training/{module_id}/certificate").body
    assert held.cert_contact_name == "Acme Tech" and held.cert_module_title == "Router basics"

    held.update(actions=[type(held).cert_contact_name.remove(), type(held).cert_module_title.remove()])
    older = portal.get(f"/partners/training/{module_id}/certificate").body

    assert held.cert_code in older and "Acme Tech" in older and "Router basics" in older
    assert older.partition("<main")[2] == kept.partition("<main")[2], "the same certificate"


# --- the daily job ---------------------------------------------------------------------------------------------
def certificate_mails() -> list[OutboxMail]:
    return [m for m in OutboxMail.scan() if isinstance(m, OutboxMail) and m.template == "certificate_expiring"]


def test_the_job_mails_30_and_7_days_ahead_once_each_then_marks_expired(portal: Portal) -> None:
    module_id = author(portal, valid_days="40")
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    take(portal, module_id, RIGHT)
    assert run_certificate_job().reminded == 0

    portal.advance_clock(timedelta(days=11))
    first, again = run_certificate_job(), run_certificate_job()
    portal.advance_clock(timedelta(days=23))
    seven = run_certificate_job()
    portal.advance_clock(timedelta(days=7))
    expired, expired_again = run_certificate_job(), run_certificate_job()

    assert (first.reminded, again.reminded, seven.reminded) == (1, 0, 1)
    assert (expired.expired, expired_again.expired) == (1, 0)
    assert [m.to for m in certificate_mails()] == [["tech@acme.example"]] * 3
    held = standing("acme-technical", module_id)
    assert held.cert_expired_marked == "yes" and held.GSI2PK is None
    assert ModuleHolders.get(*ModuleHolders.keys_for(TENANT_ID, module_id)).holders == 0
    portal.sign_in("tech@acme.example")
    assert "Expired: your Router basics certificate" in portal.get("/partners/dashboard").body
    portal.jar.clear()
    portal.sign_in("principal@acme.example")
    assert "Router basics certificate" not in portal.get("/partners/dashboard").body  # a person's news


def test_a_renewed_certificate_is_counted_once_and_reminded_again(portal: Portal) -> None:
    module_id = author(portal, valid_days="20")
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    take(portal, module_id, RIGHT)
    assert run_certificate_job().reminded == 1  # 20 days left: the 30-day reminder
    portal.advance_clock(timedelta(days=15))
    assert run_certificate_job().reminded == 1
    portal.sign_in("tech@acme.example")

    take(portal, module_id, RIGHT)

    held = standing("acme-technical", module_id)
    assert held.reminded_7_at is None and held.reminded_30_at is None
    assert ModuleHolders.get(*ModuleHolders.keys_for(TENANT_ID, module_id)).holders == 1
