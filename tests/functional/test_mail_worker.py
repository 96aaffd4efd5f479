"""The outbox mail worker: sends once, retries failures, parks what keeps failing, keeps no secrets."""

from __future__ import annotations

import pytest

from portside.config import settings
from portside.data.base import tenant_key
from portside.data.models import OutboxMail
from portside.mail import delivery
from tests.functional.portal import Portal

ACME = "principal@acme.example"


def stream_record(item: OutboxMail, sequence_number: str) -> dict:
    """The INSERT record the table's stream delivers for ``item``."""
    image = {**item.serialize(), "type": {"S": "OutboxMail"}}
    return {
        "eventID": sequence_number,
        "eventName": "INSERT",
        "dynamodb": {"NewImage": image, "SequenceNumber": sequence_number},
    }


def outbox_items() -> list[OutboxMail]:
    return [item for item in OutboxMail.scan() if isinstance(item, OutboxMail)]  # test-only Scan


def test_a_sign_in_mail_has_text_and_html_parts_with_link_and_code(portal: Portal) -> None:
    portal.request_link(ACME)

    mail = portal.last_mail_to(ACME)

    assert mail.subject == "Your sign-in link for Northwind Distribution"
    code = portal.code_in(mail)
    assert code in mail.text and code in mail.html
    assert mail.links[0] in mail.text and 'href="http://127.0.0.1:8000/partners/auth/magic?token=' in mail.html


def test_a_redelivered_record_sends_nothing_twice(portal: Portal) -> None:
    portal.request_link(ACME)
    first = portal.sent_mail()
    (item,) = outbox_items()
    again = stream_record(item, "again")

    from functions.workers.mail_sender import handler
    from infra.local.events import LambdaContext

    answer = handler({"Records": [again]}, LambdaContext())

    assert answer == {"batchItemFailures": []}
    assert len(portal.sent_mail()) == len(first) == 1
    assert outbox_items()[0].status == "sent"


def test_a_failed_send_is_retried_then_parked_without_losing_the_change(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> str:
        raise ConnectionError("SES unavailable")

    monkeypatch.setattr(delivery, "send", refuse)
    portal.request_link(ACME)
    (item,) = outbox_items()
    record = stream_record(item, "r1")
    from functions.workers.mail_sender import handler
    from infra.local.events import LambdaContext

    answers = [handler({"Records": [record]}, LambdaContext()) for _ in range(settings().mail_max_attempts)]

    assert answers[:-1] == [{"batchItemFailures": [{"itemIdentifier": "r1"}]}] * (settings().mail_max_attempts - 1)
    assert answers[-1] == {"batchItemFailures": []}  # parked: no more retries
    parked = OutboxMail.get(item.PK, item.SK)
    assert parked.status == "failed" and parked.attempts == settings().mail_max_attempts
    assert "SES unavailable" in (parked.last_error or "")
    assert "link" not in parked.context_json and "code" not in parked.context_json
    assert [m.mail_id for m in OutboxMail.gsi1.query(tenant_key("northwind", "OUTBOX", "FAILED"))] == [item.mail_id]
    # The sign-in link itself was issued: the change stands even though its mail did not go out.
    from portside.data import reads

    assert reads.contact_by_email("northwind", ACME).live_sign_in_hash  # type: ignore[union-attr]
