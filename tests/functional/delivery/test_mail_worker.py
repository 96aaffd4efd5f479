"""The outbox mail worker: sends once, retries failures, parks what keeps failing, keeps no secrets."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portside import clock
from portside.config import settings
from portside.data.base import tenant_key
from portside.data.models.records import OutboxMail
from portside.mail import delivery
from portside.mail.outbox import FIRST_SWEEP_AFTER
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
    portal.fulfil_sign_in_requests()

    mail = portal.last_mail_to(ACME)

    code = portal.code_in(mail)
    assert mail.subject == f"Your Northwind Distribution sign-in code: {code}", "the code reads in a phone's preview"
    assert code in mail.text and code in mail.html
    assert mail.links[0] in mail.text and 'href="http://127.0.0.1:8000/partners/auth/magic?token=' in mail.html


def test_a_redelivered_record_sends_nothing_twice(portal: Portal) -> None:
    portal.request_link(ACME)
    portal.fulfil_sign_in_requests()
    first = portal.sent_mail()
    (item,) = outbox_items()
    again = stream_record(item, "again")

    from functions.delivery.mail_sender import handler
    from infra.local.events import LambdaContext

    answer = handler({"Records": [again]}, LambdaContext())

    assert answer == {"batchItemFailures": []}
    assert len(portal.sent_mail()) == len(first) == 1
    assert outbox_items()[0].status == "sent"


def run_worker(*records: dict) -> dict:
    from functions.delivery.mail_sender import handler
    from infra.local.events import LambdaContext

    return handler({"Records": list(records)}, LambdaContext())  # type: ignore[no-any-return]


def run_sweeper() -> dict[str, int]:
    from functions.delivery.mail_sweeper import handler
    from infra.local.events import LambdaContext

    return handler({}, LambdaContext())  # type: ignore[no-any-return]


def pending_due(portal: Portal) -> list[str]:
    due = OutboxMail.gsi1.query(OutboxMail.pending_partition("northwind"), clock.now().isoformat() >= OutboxMail.GSI1SK)
    return [m.mail_id for m in due]


def refuse(*_: object) -> str:
    raise ConnectionError("SES unavailable")


def test_a_failed_send_is_counted_retried_by_the_sweeper_then_parked_without_secrets(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(delivery, "send", refuse)
    portal.request_link(ACME)
    portal.fulfil_sign_in_requests()
    (item,) = outbox_items()

    first = run_worker(stream_record(item, "r1"))
    sweeps = []
    for _ in range(settings().mail_max_attempts + 2):
        portal.advance_clock(timedelta(minutes=30))
        sweeps.append(run_sweeper())

    assert first == {"batchItemFailures": []}  # a failed send is no crash: the stream does not retry it
    assert sweeps[: settings().mail_max_attempts - 2] == [{"retrying": 1}] * (settings().mail_max_attempts - 2)
    assert sweeps[settings().mail_max_attempts - 2] == {"parked": 1}
    assert sweeps[-1] == {}  # nothing left to sweep
    parked = OutboxMail.get(item.PK, item.SK)
    assert parked.status == "failed" and parked.attempts == settings().mail_max_attempts
    assert "SES unavailable" in (parked.last_error or "")
    assert "link" not in parked.context_json and "code" not in parked.context_json
    assert [m.mail_id for m in OutboxMail.gsi1.query(tenant_key("northwind", "OUTBOX", "FAILED"))] == [item.mail_id]
    # The sign-in link itself was issued: the change stands even though its mail did not go out.
    from portside.data import reads

    assert reads.contact_by_email("northwind", ACME).live_sign_in_hash  # type: ignore[union-attr]


class FunctionDied(BaseException):
    """The function's process ending mid-send (a timeout, the runtime killed): nothing after it runs."""


def test_an_attempt_is_counted_before_anything_can_fail(portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    def die(*_: object) -> str:
        raise FunctionDied

    monkeypatch.setattr(delivery, "send", die)
    portal.request_link(ACME)
    portal.fulfil_sign_in_requests()
    (item,) = outbox_items()

    with pytest.raises(FunctionDied):
        run_worker(stream_record(item, "r1"))

    counted = OutboxMail.get(item.PK, item.SK)
    assert counted.status == "pending" and counted.attempts == 1
    monkeypatch.undo()
    portal.advance_clock(timedelta(minutes=1, seconds=1))  # the next attempt is due a minute after the first
    assert run_sweeper() == {"sent": 1}
    assert portal.last_mail_to(ACME).subject.startswith("Your Northwind Distribution sign-in code: ")


def test_mail_whose_stream_record_never_arrived_is_sent_by_the_sweeper(portal: Portal) -> None:
    portal.request_link(ACME)
    portal.fulfil_sign_in_requests()
    (item,) = outbox_items()

    too_soon = run_sweeper()  # the stream's own attempt has not had its chance yet
    portal.advance_clock(FIRST_SWEEP_AFTER + timedelta(seconds=1))
    swept = run_sweeper()

    assert too_soon == {} and swept == {"sent": 1}
    sent = OutboxMail.get(item.PK, item.SK)
    assert sent.status == "sent" and sent.attempts == 1 and sent.GSI1PK is None
    assert pending_due(portal) == []


def test_a_worker_that_cannot_reach_the_table_asks_the_stream_to_retry_and_loses_nothing(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    portal.request_link(ACME)
    portal.fulfil_sign_in_requests()
    (item,) = outbox_items()

    def unreachable(*_: object, **__: object) -> None:
        raise ConnectionError("DynamoDB unreachable")

    with monkeypatch.context() as broken:
        broken.setattr(delivery.reads, "get_or_none", unreachable)
        answer = run_worker(stream_record(item, "r1"))
    portal.advance_clock(FIRST_SWEEP_AFTER + timedelta(seconds=1))

    assert answer == {"batchItemFailures": [{"itemIdentifier": "r1"}]}
    assert run_sweeper() == {"sent": 1}
