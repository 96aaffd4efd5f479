"""Pricing and credit requests, the finance side: the queue, the context, one decision, four eyes, the daily job."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from infra.local import seed
from infra.local.seed import TENANT_ID
from portside import clock
from portside.approvals.ending import run_special_price_job
from portside.data import reads
from portside.data.models.records import AuditEvent
from portside.lookups.models.catalogue import PriceEntry
from portside.web.tenants import forget_cached_tenants
from tests.functional.approvals.helpers import (
    ACME_LIMIT,
    AUDITOR,
    FINANCE,
    GOLD,
    OPS,
    OWNER,
    SKU,
    account,
    ask_credit,
    ask_price,
    decide,
    made_id,
    outbox,
    own_prices,
    seed_catalogue,
    stored,
)
from tests.functional.portal import Portal


@pytest.fixture(autouse=True)
def catalogue(portal: Portal, admin_pool: dict[str, Any]) -> None:
    seed_catalogue()
    seed.seed_deals()


def asked_by_acme(portal: Portal, kind: str = "price", **changes: str) -> str:
    portal.jar.clear()
    portal.sign_in("principal@acme.example")
    request_id = made_id(ask_price(portal, **changes) if kind == "price" else ask_credit(portal, **changes))
    portal.jar.clear()
    return request_id


def as_admin(portal: Portal, email: str) -> None:
    portal.jar.clear()
    portal.admin_sign_in(email)


def actions() -> list[str]:
    return [event.action for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))]


def test_the_queue_lists_pending_requests_oldest_first_with_what_applies_today(portal: Portal) -> None:
    first = asked_by_acme(portal, "credit")
    portal.advance_clock(timedelta(hours=5))
    second = asked_by_acme(portal)
    as_admin(portal, FINANCE)

    queue = portal.get("/admin/approvals").body

    assert queue.index(first) < queue.index(second)
    assert "$80,000.00 limit" in queue and "$50,000.00 limit" in queue  # asked against today's
    assert "$260.00 each for 25" in queue and "$271.03 each (list $365.76)" in queue
    assert "5 hours" in queue and "Acme Resellers" in queue
    home = portal.get("/admin").body
    assert "2 pricing and credit requests" in home


def test_the_context_shows_cost_margin_and_the_partners_orders_to_admins(portal: Portal) -> None:
    request_id = asked_by_acme(portal)
    as_admin(portal, FINANCE)

    page = portal.get(f"/admin/approvals/{request_id}").body

    assert "Unit cost" in page and "$200.00" in page
    assert "margin 23.1%" in page  # (260 - 200) / 260
    assert "margin 26.2%" in page  # (271.03 - 200) / 271.03
    assert "Approve" in page and "Reject" in page


def test_approving_a_special_price_puts_it_on_the_partners_price_list_and_tells_the_principal(
    portal: Portal,
) -> None:
    request_id = asked_by_acme(portal, valid_until=(clock.now().date() + timedelta(days=60)).isoformat())
    portal.sign_in("principal@acme.example")
    assert "$260.00" not in portal.get(f"/partners/prices?sku={SKU}").body
    as_admin(portal, FINANCE)

    decided = decide(portal, request_id, note="For Initech")

    assert decided.location == f"/admin/approvals/{request_id}?notice=approved"
    (entry,) = own_prices()
    assert (entry.sku, entry.min_quantity, entry.price, entry.granted_by) == (SKU, 25, 26_000, request_id)
    made = stored(request_id)
    assert (made.state, made.granted_price, made.decided_by) == ("approved", 26_000, f"admin:{FINANCE}")
    assert made.GSI2PK is not None and made.GSI2SK.startswith(made.granted_until)  # the daily job's list
    assert actions().count("pricing_request.approved") == 1
    (mail,) = outbox("pricing_request_decided")
    assert mail.to == ["principal@acme.example"]
    portal.jar.clear()
    portal.sign_in("principal@acme.example")
    prices = portal.get(f"/partners/prices?sku={SKU}").body
    assert "$260.00" in prices and "$285.29" in prices and "$271.03" in prices  # below 25 the tier's still apply
    assert f"Approved: your special price request for {SKU}" in portal.get("/partners/dashboard").body
    assert "Granted: $260.00 each from 25 units" in portal.get(f"/partners/requests/{request_id}").body
    portal.jar.clear()
    portal.sign_in("sales@acme.example")
    assert "your special price request" not in portal.get("/partners/dashboard").body  # principals' news only


def test_finance_may_grant_other_terms(portal: Portal) -> None:
    request_id = asked_by_acme(portal)
    as_admin(portal, FINANCE)
    last_day = (clock.now().date() + timedelta(days=30)).isoformat()

    decide(portal, request_id, granted_price="265", granted_until=last_day)

    (entry,) = own_prices()
    assert (entry.price, entry.valid_to) == (26_500, last_day)


def test_a_grant_at_or_above_todays_price_is_refused(portal: Portal) -> None:
    request_id = asked_by_acme(portal)
    as_admin(portal, FINANCE)

    shown = decide(portal, request_id, granted_price="271.03")

    assert shown.status == 400 and "Grant less than the partner&#39;s price today, $271.03." in shown.body
    assert stored(request_id).state == "pending" and not own_prices()


def test_approving_a_credit_limit_changes_the_account(portal: Portal) -> None:
    request_id = asked_by_acme(portal, "credit")
    as_admin(portal, FINANCE)

    decide(portal, request_id)

    assert int(account().credit_limit) == 8_000_000 and stored(request_id).granted_limit == 8_000_000
    portal.jar.clear()
    portal.sign_in("principal@acme.example")
    assert "$80,000.00" in portal.get("/partners/account").body


def test_rejecting_needs_a_note_and_tells_the_partner_why(portal: Portal) -> None:
    request_id = asked_by_acme(portal, "credit")
    as_admin(portal, FINANCE)

    without = decide(portal, request_id, "reject")
    rejected = decide(portal, request_id, "reject", note="Balance too high")

    assert without.status == 400 and "a rejection needs one" in without.body
    assert rejected.location.endswith("notice=rejected") and stored(request_id).state == "rejected"
    assert int(account().credit_limit) == ACME_LIMIT
    portal.jar.clear()
    portal.sign_in("principal@acme.example")
    assert "Not approved: Balance too high" in portal.get(f"/partners/requests/{request_id}").body


def test_of_two_finance_admins_deciding_at_once_one_decides(portal: Portal) -> None:
    request_id = asked_by_acme(portal)
    as_admin(portal, FINANCE)
    version = portal.get(f"/admin/approvals/{request_id}").field("version")
    csrf = portal.admin_csrf()
    finance_jar = dict(portal.jar)
    as_admin(portal, OWNER)
    portal.admin_post(
        f"/admin/approvals/{request_id}/decision", {"decision": "reject", "note": "No", "version": version}
    )

    portal.jar = finance_jar
    late = portal.post(
        f"/admin/approvals/{request_id}/decision", {"csrf_token": csrf, "decision": "approve", "version": version}
    )

    assert late.status == 409 and "already decided or withdrawn" in late.body
    assert stored(request_id).state == "rejected" and not own_prices()


def test_a_decision_on_a_withdrawn_request_is_refused(portal: Portal) -> None:
    request_id = asked_by_acme(portal)
    as_admin(portal, FINANCE)
    version = portal.get(f"/admin/approvals/{request_id}").field("version")
    portal.jar.clear()
    portal.sign_in("principal@acme.example")
    portal.post(
        f"/partners/requests/{request_id}/withdraw",
        {"csrf_token": portal.get("/partners/requests").field("csrf_token")},
    )
    as_admin(portal, FINANCE)

    late = portal.admin_post(f"/admin/approvals/{request_id}/decision", {"decision": "approve", "version": version})

    assert late.status == 409 and stored(request_id).state == "withdrawn" and not own_prices()


def test_four_eyes_a_deep_discount_needs_two_different_finance_admins(portal: Portal) -> None:
    request_id = asked_by_acme(portal, requested_price="200")  # 45% off the list; the demo's threshold is 30%
    as_admin(portal, FINANCE)
    assert "beyond the four-eyes threshold" in portal.get(f"/admin/approvals/{request_id}").body

    first = decide(portal, request_id)
    again = decide(portal, request_id)

    assert first.location.endswith("notice=first_approval") and not own_prices()
    assert again.status == 409 and "a different finance admin must give the second" in again.body
    asked_second = [mail for mail in portal.sent_mail() if mail.subject.startswith("Second approval needed")]
    assert [mail.to for mail in asked_second] == [[OWNER]], "every finance admin but the first, once"
    assert f"{FINANCE} has approved a special price request from Acme Resellers" in asked_second[0].text
    assert "at $200.00 each" in asked_second[0].text and request_id in asked_second[0].text
    made = stored(request_id)
    assert (made.state, made.first_approved_by, made.granted_price) == ("pending", f"admin:{FINANCE}", 20_000)
    page = portal.get(f"/admin/approvals/{request_id}").body
    assert "You gave the first approval" in page and ">Approve<" not in page
    as_admin(portal, OWNER)
    assert "finance@northwind.example approved first" in portal.get(f"/admin/approvals/{request_id}").body

    second = decide(portal, request_id)

    assert second.location.endswith("notice=approved")
    assert [entry.price for entry in own_prices()] == [20_000]
    assert actions().count("pricing_request.first_approved") == 1 and actions().count("pricing_request.approved") == 1


def test_four_eyes_a_large_credit_change_needs_a_second_approval(portal: Portal) -> None:
    request_id = asked_by_acme(portal, "credit", requested_limit="150000")  # +$100,000; the threshold is $50,000
    as_admin(portal, FINANCE)

    decide(portal, request_id)

    assert int(account().credit_limit) == ACME_LIMIT and stored(request_id).first_approved_by
    as_admin(portal, OWNER)
    decide(portal, request_id)
    assert int(account().credit_limit) == 15_000_000


def test_a_page_read_before_a_first_approval_cannot_decide_after_it(portal: Portal) -> None:
    request_id = asked_by_acme(portal, requested_price="200")
    as_admin(portal, OWNER)
    stale = portal.get(f"/admin/approvals/{request_id}").field("version")
    as_admin(portal, FINANCE)
    decide(portal, request_id)
    as_admin(portal, OWNER)

    late = portal.admin_post(f"/admin/approvals/{request_id}/decision", {"decision": "approve", "version": stale})

    assert late.status == 409 and "changed while you read it" in late.body and not own_prices()


def test_without_thresholds_one_approval_applies_any_discount(portal: Portal) -> None:
    tenant = reads.tenant(TENANT_ID)
    assert tenant is not None
    tenant.update([type(tenant).second_approval_discount_percent.remove()])
    forget_cached_tenants()
    request_id = asked_by_acme(portal, requested_price="100")
    as_admin(portal, FINANCE)

    assert decide(portal, request_id).location.endswith("notice=approved")


@pytest.mark.parametrize("email", [OPS, AUDITOR])
def test_ops_and_auditors_may_not_decide(portal: Portal, email: str) -> None:
    request_id = asked_by_acme(portal)
    as_admin(portal, email)

    answer = portal.admin_post(f"/admin/approvals/{request_id}/decision", {"decision": "approve", "version": "1"})

    assert answer.status == 403 and stored(request_id).state == "pending"
    page = portal.get(f"/admin/approvals/{request_id}")
    assert page.status == (403 if email == OPS else 200) and 'value="approve"' not in page.body


def test_the_supporting_file_downloads_for_finance_audited(portal: Portal) -> None:
    from tests.functional.approvals.test_asking import PDF, client, quote, settings

    portal.sign_in("principal@acme.example")
    key = portal.get("/partners/requests/new?type=credit_limit").field("key").replace("${filename}", "bank.pdf")
    client("s3").put_object(Bucket=settings().documents_bucket, Key=key, Body=PDF)
    portal.get(f"/partners/requests/new?type=credit_limit&key={quote(key)}")
    request_id = made_id(ask_credit(portal, attachment=key))
    as_admin(portal, FINANCE)

    answer = portal.get(f"/admin/approvals/{request_id}/file")

    assert answer.status == 303 and "bank.pdf" in answer.location and "attachment" in answer.location
    assert actions().count("pricing_request.file_downloaded") == 1


# --- the daily job ---------------------------------------------------------------------------------------------
def granted_until(portal: Portal, days: int) -> str:
    last_day = (clock.now().date() + timedelta(days=days)).isoformat()
    request_id = asked_by_acme(portal, valid_until=last_day)
    as_admin(portal, FINANCE)
    decide(portal, request_id)
    return request_id


def test_the_job_mails_the_partner_a_week_before_a_special_price_ends_once(portal: Portal) -> None:
    request_id = granted_until(portal, 10)
    assert run_special_price_job().reminded == 0
    portal.advance_clock(timedelta(days=3))

    first, second = run_special_price_job(), run_special_price_job()

    assert (first.reminded, second.reminded) == (1, 0)
    assert stored(request_id).ending_reminded_at is not None
    (mail,) = outbox("special_price_ending")
    assert mail.to == ["principal@acme.example"]


def test_the_job_ends_a_special_price_after_its_last_day_and_the_tier_price_applies_again(portal: Portal) -> None:
    request_id = granted_until(portal, 2)
    portal.advance_clock(timedelta(days=2))
    assert run_special_price_job().ended == 0  # the last day itself still has the price
    portal.advance_clock(timedelta(days=1))

    run = run_special_price_job()

    assert run.ended == 1 and run_special_price_job().ended == 0
    assert stored(request_id).state == "expired" and not own_prices()
    assert actions().count("pricing_request.ended") == 1
    portal.jar.clear()
    portal.sign_in("principal@acme.example")
    prices = portal.get(f"/partners/prices?sku={SKU}").body
    assert "$260.00" not in prices and f"${GOLD[10] / 100:,.2f}" in prices


def test_an_ended_special_price_stops_applying_even_before_the_job_runs(portal: Portal) -> None:
    granted_until(portal, 1)
    portal.advance_clock(timedelta(days=2))
    portal.jar.clear()
    portal.sign_in("principal@acme.example")

    prices = portal.get(f"/partners/prices?sku={SKU}").body

    assert "$260.00" not in prices and "$271.03" in prices


def test_the_job_leaves_a_price_entry_a_later_grant_replaced(portal: Portal) -> None:
    first = granted_until(portal, 1)
    second = asked_by_acme(portal, requested_price="258")  # the same SKU, quantity and day: the same entry
    as_admin(portal, FINANCE)
    decide(portal, second)
    portal.advance_clock(timedelta(days=2))

    run_special_price_job()

    assert stored(first).state == "expired"
    (entry,) = own_prices()
    assert (entry.granted_by, entry.price) == (second, 25_800)
    assert isinstance(entry, PriceEntry)
