"""Refusals leave a trace an auditor can filter, without letting anyone flood the table; and sign-in
answers take the same work whether or not an address is known."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import botocore.client
import pytest

from infra.local.seed import TENANT_ID
from portside.auth import security_events
from portside.data.models.records import AuditEvent
from portside.sign_in.asking import SWEEP_AFTER
from portside.sign_in.models import SignInRequest
from tests.functional.audit_log.test_log import actions_in
from tests.functional.delivery.test_mail_worker import run_sweeper
from tests.functional.portal import Portal

KNOWN, UNKNOWN = "principal@acme.example", "nobody@acme.example"


def events(prefix: str = "") -> list[AuditEvent]:
    return [e for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)) if e.action.startswith(prefix)]


@pytest.fixture
def dynamodb_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, int]]]:
    """Every DynamoDB call as (operation, items written): the work a request does, whatever its keys."""
    calls: list[tuple[str, int]] = []
    original = botocore.client.BaseClient._make_api_call

    def recording(client: Any, operation: str, params: dict[str, Any]) -> Any:
        if client.meta.service_model.service_name == "dynamodb":
            calls.append((operation, len(params.get("TransactItems", []))))
        return original(client, operation, params)

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", recording)
    yield calls


def test_asking_for_a_link_does_the_same_work_for_known_and_unknown_addresses(
    portal: Portal, dynamodb_calls: list[tuple[str, int]]
) -> None:
    csrf = portal.csrf()
    work = {}
    for email in (KNOWN, UNKNOWN):
        dynamodb_calls.clear()
        answer = portal.post("/partners/login", {"csrf_token": csrf, "email": email})
        assert answer.status == 303
        work[email] = list(dynamodb_calls)

    assert work[KNOWN] == work[UNKNOWN]
    assert ("TransactWriteItems", 3) in work[KNOWN]  # the request and two counters, nothing about the address


def test_a_wrong_code_does_the_same_work_for_known_and_unknown_addresses(
    portal: Portal, dynamodb_calls: list[tuple[str, int]]
) -> None:
    portal.request_link(KNOWN)
    portal.sent_mail()  # the known address now has a live link and code
    csrf = portal.csrf()
    work = {}
    for email in (KNOWN, UNKNOWN):
        dynamodb_calls.clear()
        answer = portal.post("/partners/login/code", {"csrf_token": csrf, "email": email, "code": "000000"})
        assert answer.status == 400
        work[email] = list(dynamodb_calls)

    assert work[KNOWN] == work[UNKNOWN]
    assert work[KNOWN].count(("GetItem", 0)) >= 3


def test_a_link_asked_for_by_a_stranger_is_recorded_as_anonymous(portal: Portal) -> None:
    portal.request_link(KNOWN)
    portal.request_link(UNKNOWN)
    portal.fulfil_sign_in_requests()

    (requested,) = events("sign_in.link_requested")
    (stranger,) = events("security.sign_in_unknown_address")
    assert (requested.actor, requested.target) == ("anonymous", "contact:acme-principal")
    assert (stranger.actor, stranger.target) == ("anonymous", "address:n…@acme.example")
    assert requested.client_ip == stranger.client_ip == portal.source_ip


def test_a_request_the_stream_never_delivered_is_fulfilled_by_the_sweeper(portal: Portal) -> None:
    portal.request_link(KNOWN)

    too_soon = run_sweeper()
    portal.advance_clock(SWEEP_AFTER)
    swept = run_sweeper()

    assert "request_sent" not in too_soon
    assert swept == {"request_sent": 1}
    assert list(SignInRequest.scan()) == []  # test-only Scan: fulfilled requests are gone
    assert portal.last_mail_to(KNOWN).subject.startswith("Your Northwind Distribution sign-in code: ")


def test_refusals_are_recorded_for_the_auditor(portal: Portal) -> None:
    portal.sign_in("tech@acme.example")
    portal.get("/partners/deals/new")  # technical contacts cannot register deals
    portal.post("/partners/logout", {"csrf_token": "forged"})
    portal.jar.clear()
    portal.request_link(KNOWN)
    token = portal.link_token(portal.last_mail_to(KNOWN))
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token}).status == 303
    portal.jar.clear()
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token}).status == 410

    recorded = {(e.action, e.actor, e.target) for e in events("security.")}
    assert ("security.denied", "contact:acme-technical", "route:partner_deal_new") in recorded
    assert ("security.csrf_refused", "contact:acme-technical", "route:partner_logout") in recorded
    assert ("security.dead_link", "anonymous", "route:partner_magic_spend") in recorded


def test_refusals_cannot_flood_the_table(portal: Portal) -> None:
    for _ in range(security_events.PER_CLIENT + 10):
        assert portal.post("/partners/login", {"csrf_token": "forged", "email": KNOWN}).status == 403

    assert len(events("security.csrf_refused")) == security_events.PER_CLIENT


def test_the_auditor_filters_security_events(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.post("/partners/login", {"csrf_token": "forged", "email": KNOWN})
    portal.admin_sign_in("auditor@northwind.example")

    page = portal.get("/admin/audit?action=security.")

    assert page.status == 200 and set(actions_in(page.body)) == {"security.csrf_refused"}
