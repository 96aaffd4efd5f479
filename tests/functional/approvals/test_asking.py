"""Pricing and credit requests, the partner side: ask, the checks against today, follow, withdraw."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest

from infra.local import seed
from infra.local.seed import TENANT_ID
from portside.aws import client
from portside.config import settings
from portside.data.models.records import AuditEvent
from tests.functional.approvals.helpers import (
    ACME_LIMIT,
    FINANCE,
    OWNER,
    all_requests,
    ask_credit,
    ask_price,
    made_id,
    outbox,
    seed_catalogue,
    stored,
)
from tests.functional.documents.helpers import PDF
from tests.functional.portal import Portal


@pytest.fixture(autouse=True)
def catalogue(portal: Portal) -> None:
    seed_catalogue()
    seed.seed_deals()


def audit_actions() -> list[str]:
    return [event.action for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))]


def test_a_principal_asks_for_a_special_price_and_finance_and_owners_are_mailed(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.sign_in("principal@acme.example")

    answer = ask_price(portal, deal_id="demo-acme-initech")

    made = stored(request_id := made_id(answer))
    assert (made.state, made.kind, made.sku, made.quantity, made.requested_price) == (
        "pending",
        "special_price",
        "NW-SRV-1005",
        25,
        26_000,
    )
    assert (made.price_then, made.list_price, made.deal_title) == (27_103, 36_576, "Initech laptop refresh")
    page = portal.get(answer.location).body
    assert "Waiting for finance" in page and "$260.00" in page and "Sent to finance" in page
    assert "NW-SRV-1005" in portal.get("/partners/requests").body
    assert audit_actions().count("pricing_request.submitted") == 1
    (mail,) = outbox("pricing_request_submitted")
    assert sorted(mail.to) == [FINANCE, OWNER] and mail.about == f"pricing_request:{request_id}"
    assert "Special price request from Acme Resellers" in portal.last_mail_to(FINANCE).subject


def test_the_same_form_sent_twice_makes_one_request(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    form = portal.get("/partners/requests/new?type=special_price")
    fields = {
        "sku": "NW-SRV-1005",
        "requested_price": "250",
        "quantity": "5",
        "reason": "Twice",
        "request_type": "special_price",
        "submission_id": form.field("submission_id"),
        "csrf_token": form.field("csrf_token"),
    }

    first, second = portal.post("/partners/requests", fields), portal.post("/partners/requests", fields)

    assert first.location == second.location and len(all_requests()) == 1


@pytest.mark.parametrize(
    ("changes", "field", "said"),
    [
        (
            {"requested_price": "271.03", "quantity": "10"},
            "requested_price",
            "today is $271.03: ask for a lower one",
        ),
        ({"requested_price": "290", "quantity": "1"}, "requested_price", "today is $285.29"),
        ({"sku": "NW-NOPE-1"}, "sku", "not on your price list"),
        ({"sku": "NW-SRV-100"}, "sku", "not on your price list"),  # the start of a SKU is not the SKU
        ({"deal_id": "demo-globex-initech"}, "deal_id", "one of your deals"),  # another partner's
        ({"deal_id": "demo-acme-hooli"}, "deal_id", "no longer open"),
        ({"quantity": "0"}, "quantity", "whole number from 1"),
        ({"requested_price": "-5"}, "requested_price", "in digits"),
        ({"valid_until": "2020-01-01"}, "valid_until", "after today"),
        ({"reason": ""}, "reason", "Say why"),
    ],
)
def test_a_special_price_request_is_checked_against_today(
    portal: Portal, changes: dict[str, str], field: str, said: str
) -> None:
    portal.sign_in("principal@acme.example")

    shown = ask_price(portal, **changes)

    assert shown.status == 400 and said in shown.body, shown.body
    assert f'id="{field}"' in shown.body and not all_requests()


def test_a_credit_limit_request_must_change_the_limit(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")

    same = ask_credit(portal, requested_limit=f"{ACME_LIMIT / 100:.2f}")
    request_id = made_id(ask_credit(portal))

    assert same.status == 400 and "Your credit limit is already $50,000.00." in same.body
    made = stored(request_id)
    assert (made.kind, made.requested_limit, made.limit_then, made.attachment_key) == (
        "credit_limit",
        8_000_000,
        ACME_LIMIT,
        None,
    )


def test_a_credit_request_carries_a_checked_supporting_file(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    page = portal.get("/partners/requests/new?type=credit_limit")
    key = page.field("key").replace("${filename}", "statements 2026.pdf")
    assert key.startswith("uploads/northwind/requests/acme/")
    client("s3").put_object(Bucket=settings().documents_bucket, Key=key, Body=PDF)
    back = portal.get(f"/partners/requests/new?type=credit_limit&key={quote(key)}")
    assert back.status == 200 and "Attached: statements 2026.pdf" in back.body

    request_id = made_id(ask_credit(portal, attachment=key))

    made = stored(request_id)
    assert (made.attachment_name, made.attachment_type) == ("statements 2026.pdf", "application/pdf")
    kept = client("s3").get_object(Bucket=settings().documents_bucket, Key=made.attachment_key)
    assert kept["Body"].read() == PDF


@pytest.mark.parametrize("where", ["another partner's folder", "a document space", "not a key"])
def test_a_supporting_file_from_anywhere_else_is_refused(portal: Portal, where: str) -> None:
    portal.sign_in("principal@acme.example")
    key = {
        "another partner's folder": "uploads/northwind/requests/globex/" + "a" * 32 + "/x.pdf",
        "a document space": "uploads/northwind/documents/product-sheets/" + "a" * 32 + "/x.pdf",
        "not a key": "../../etc/passwd",
    }[where]
    client("s3").put_object(Bucket=settings().documents_bucket, Key=key, Body=PDF)

    shown = ask_credit(portal, attachment=key)

    assert shown.status == 400 and "does not belong here" in shown.body and not all_requests()


def test_a_file_that_is_a_page_is_refused_and_deleted(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    key = portal.get("/partners/requests/new?type=credit_limit").field("key").replace("${filename}", "x.pdf")
    client("s3").put_object(Bucket=settings().documents_bucket, Key=key, Body=b"<html><script>alert(1)</script>")

    back = portal.get(f"/partners/requests/new?type=credit_limit&key={quote(key)}")

    assert "x.pdf is not a PDF" in back.body
    assert "Contents" not in client("s3").list_objects_v2(Bucket=settings().documents_bucket, Prefix=key)


@pytest.mark.parametrize("email", ["sales@acme.example", "tech@acme.example"])
def test_only_the_principal_may_ask_or_see_requests(portal: Portal, email: str) -> None:
    portal.sign_in(email)
    csrf = portal.get("/partners/dashboard").field("csrf_token")

    assert portal.get("/partners/requests/new").status == 403
    assert portal.get("/partners/requests").status == 403
    sent = portal.post("/partners/requests", {"csrf_token": csrf, "request_type": "credit_limit", **{"reason": "x"}})
    assert sent.status == 403 and not all_requests()
    assert "/partners/requests" not in portal.get("/partners/dashboard").body


def test_another_partners_request_is_not_found(portal: Portal) -> None:
    portal.sign_in("principal@globex.example")
    request_id = made_id(ask_credit(portal))
    portal.jar.clear()
    portal.sign_in("principal@acme.example")
    csrf = portal.get("/partners/dashboard").field("csrf_token")

    assert portal.get(f"/partners/requests/{request_id}").status == 404
    withdrawn = portal.post(f"/partners/requests/{request_id}/withdraw", {"csrf_token": csrf})
    assert withdrawn.status == 404 and stored(request_id).state == "pending"


def test_a_pending_request_can_be_withdrawn_once(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    request_id = made_id(ask_price(portal))
    csrf = portal.get("/partners/dashboard").field("csrf_token")

    first = portal.post(f"/partners/requests/{request_id}/withdraw", {"csrf_token": csrf})
    again = portal.post(f"/partners/requests/{request_id}/withdraw", {"csrf_token": csrf})

    assert first.location == f"/partners/requests/{request_id}?notice=withdrawn"
    assert again.status == 409 and "already decided or withdrawn" in again.body
    made = stored(request_id)
    assert made.state == "withdrawn" and made.GSI2PK is None
    assert "Withdrawn" in portal.get(f"/partners/requests/{request_id}").body
    assert audit_actions().count("pricing_request.withdrawn") == 1


def test_the_choice_page_offers_both_kinds_and_works_without_script(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")

    choice = portal.get("/partners/requests/new").body
    price = portal.get("/partners/requests/new?type=special_price&sku=NW-SRV-1005").body

    assert 'href="/partners/requests/new?type=special_price"' in choice
    assert 'href="/partners/requests/new?type=credit_limit"' in choice and 'name="type"' not in choice
    assert 'href="/partners/requests/new?type=special_price" aria-current="page"' in price
    assert 'name="sku" type="text" value="NW-SRV-1005"' in price and "Initech laptop refresh" in price
    assert "No requests yet" in portal.get("/partners/requests").body


def test_the_partners_requests_show_in_one_state_or_all(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    withdrawn = made_id(ask_credit(portal))
    csrf = portal.get("/partners/dashboard").field("csrf_token")
    assert portal.post(f"/partners/requests/{withdrawn}/withdraw", {"csrf_token": csrf}).status == 303
    made_id(ask_credit(portal, requested_limit="90000"))

    def shown(path: str) -> list[str]:
        return re.findall(r'<a class="row" href="/partners/requests/([0-9a-f]+)">', portal.get(path).body)

    everything, pending, gone = (
        shown("/partners/requests"),
        shown("/partners/requests?state=pending"),
        shown("/partners/requests?state=withdrawn"),
    )

    assert len(everything) == 2 and gone == [withdrawn] and len(pending) == 1 and withdrawn not in pending
    assert "No request on this page is “rejected”" in portal.get("/partners/requests?state=rejected").body
