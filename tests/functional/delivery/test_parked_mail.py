"""Mail that could not be sent: the console lists it with its error, counts it, and sends it again."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import pytest

from portside.config import settings
from portside.data.models.records import AuditEvent, OutboxMail
from portside.mail import delivery
from portside.mail.delivery import retry_delay
from portside.mail.outbox import FIRST_SWEEP_AFTER
from portside.mail.render import render_mail
from tests.functional.delivery.test_mail_worker import outbox_items, run_sweeper
from tests.functional.portal import Portal
from tests.functional.questions.test_questions import asked_by_acme

OPS, AUDITOR, FINANCE = "ops@northwind.example", "auditor@northwind.example", "finance@northwind.example"
ACME = "principal@acme.example"
A_SECOND = timedelta(seconds=1)


def park_every_mail(portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail every attempt of whatever is pending, until the sweeper parks it."""

    def refuse(*_: object) -> str:
        raise ConnectionError("SES said: Email address not verified")

    with monkeypatch.context() as broken:
        broken.setattr(delivery, "send", refuse)
        portal.advance_clock(FIRST_SWEEP_AFTER + A_SECOND)
        for attempt in range(1, settings().mail_max_attempts + 1):
            run_sweeper()
            portal.advance_clock(retry_delay(attempt) + A_SECOND)


def parked() -> list[OutboxMail]:
    return [mail for mail in outbox_items() if mail.status == "failed"]


def parked_sign_in_mail(portal: Portal, monkeypatch: pytest.MonkeyPatch) -> OutboxMail:
    """Acme's principal asks for a link, and its mail fails until it is parked."""
    portal.request_link(ACME)
    portal.fulfil_sign_in_requests()
    park_every_mail(portal, monkeypatch)
    (mail,) = parked()
    return mail


def retry_buttons(body: str) -> list[str]:
    return re.findall(r'action="/admin/mail/([0-9a-f]{32})/retry"', body)


def test_a_parked_sign_in_mail_is_listed_counted_and_retried_with_a_fresh_link(
    portal: Portal, admin_pool: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    mail = parked_sign_in_mail(portal, monkeypatch)
    portal.admin_sign_in(OPS)

    home = portal.get("/admin").body
    listing = portal.get("/admin/mail").body
    retried = portal.admin_post(f"/admin/mail/{mail.mail_id}/retry")
    again = portal.admin_post(f"/admin/mail/{mail.mail_id}/retry")

    assert "1 mail could not be sent" in home
    assert ACME in listing and "Sign-in link" in listing and "Email address not verified" in listing
    assert retry_buttons(listing) == [mail.mail_id] and "Send a fresh link" in listing
    assert retried.status == 303 and retried.location == "/admin/mail?notice=fresh_link"
    assert again.status == 409 and "already retried" in again.body
    assert OutboxMail.get(mail.PK, mail.SK).status == "retried"
    fresh = portal.last_mail_to(ACME)
    assert fresh.subject.startswith("Your Northwind Distribution sign-in code: ") and portal.link_token(fresh)
    # The fresh link works, and the audit log says who retried what.
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": portal.link_token(fresh)})
    events = [e for e in AuditEvent.query(AuditEvent.partition_of("northwind")) if e.action == "mail.retried"]
    assert [(e.actor, e.target) for e in events] == [("admin:ops@northwind.example", f"mail:{mail.mail_id}")]
    assert "could not be sent" not in portal.get("/admin").body
    assert "Every mail has been sent" in portal.get("/admin/mail").body


def test_a_parked_mail_without_a_link_is_sent_again_as_it_was(
    portal: Portal, admin_pool: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = asked_by_acme(portal)  # ops is mailed the new question
    park_every_mail(portal, monkeypatch)
    (mail,) = parked()
    portal.admin_sign_in(OPS)

    listing = portal.get("/admin/mail").body
    retried = portal.admin_post(f"/admin/mail/{mail.mail_id}/retry")

    assert mail.template == "question_asked"
    assert "New question (to ops)" in listing and f'href="/admin/partners/questions/{asked}"' in listing
    assert retried.location == "/admin/mail?notice=resent"
    resent = portal.last_mail_to(OPS)
    assert resent.subject == mail_subject(mail) and f"/admin/partners/questions/{asked}" in resent.text


def mail_subject(mail: OutboxMail) -> str:
    return render_mail(mail.template, json.loads(mail.context_json)).subject


def test_only_ops_and_owners_retry_and_the_auditor_only_reads(
    portal: Portal, admin_pool: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    mail = parked_sign_in_mail(portal, monkeypatch)

    portal.admin_sign_in(AUDITOR)
    auditor_sees = portal.get("/admin/mail")
    auditor_retries = portal.admin_post(f"/admin/mail/{mail.mail_id}/retry")
    portal.jar.clear()
    portal.admin_sign_in(FINANCE)
    finance_sees = portal.get("/admin/mail")

    assert auditor_sees.status == 200 and ACME in auditor_sees.body and retry_buttons(auditor_sees.body) == []
    assert auditor_retries.status == 403
    assert finance_sees.status == 403
    assert OutboxMail.get(mail.PK, mail.SK).status == "failed"


def test_an_unknown_mail_is_not_found(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)
    assert portal.admin_post(f"/admin/mail/{'0' * 32}/retry").status == 404
