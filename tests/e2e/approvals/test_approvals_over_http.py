"""Pricing and credit requests over HTTP against the local runtime: the story and its attacks."""

from __future__ import annotations

import itertools
import re
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from infra.local.demo_lookups import catalogue
from tests.e2e.client import Visitor, field
from tests.e2e.deals.test_deals_over_http import partner
from tests.e2e.runtime import Runtime
from tests.e2e.test_console_over_http import console

pytestmark = pytest.mark.e2e

FINANCE, OWNER = "finance@northwind.example", "owner@northwind.example"
# Each test asks for a SKU of its own: a granted special price changes what later asks are checked against.
_SKUS = itertools.count(1020)


def fresh_sku() -> tuple[str, int]:
    """A server SKU of the demo catalogue no other test asks about, and its list price in cents."""
    sku = f"NW-SRV-{next(_SKUS)}"
    return sku, next(price for code, _, _, price in catalogue() if code == sku)


def ask(visitor: Visitor, sku: str, price: str, **changes: str) -> str:
    """Ask for 25 units of ``sku`` at ``price``; the request's id."""
    form = visitor.get("/partners/requests/new?type=special_price").text
    answer = visitor.post(
        "/partners/requests",
        {
            "csrf_token": field(form, "csrf_token"),
            "submission_id": field(form, "submission_id"),
            "request_type": "special_price",
            "sku": sku,
            "requested_price": price,
            "quantity": "25",
            "reason": "Over HTTP.",
            **changes,
        },
    )
    assert answer.status_code == 303, answer.text
    found = re.search(r"/partners/requests/([0-9a-f]{32})", answer.headers["Location"])
    assert found
    return found.group(1)


def decide(pair: tuple[Visitor, str], request_id: str, decision: str = "approve", **more: str) -> int:
    visitor, csrf = pair
    version = field(visitor.get(f"/admin/approvals/{request_id}").text, "version")
    form = {"csrf_token": csrf, "decision": decision, "version": version, "note": "HTTP", **more}
    return visitor.post(f"/admin/approvals/{request_id}/decision", form).status_code


def dollars(cents: float) -> str:
    return f"{cents / 100:.2f}"


def test_the_readmes_walk_through_a_special_price_shows_only_once_finance_approves(runtime: Runtime) -> None:
    """The demo's numbers (docs/demo.md): Acme's NW-SRV-1005 at $285.29 (and $271.03 from 10), asked at $260 for 25."""
    acme = partner(runtime, "acme", "principal")
    before = acme.get("/partners/prices?sku=NW-SRV-1005").text
    assert "$285.29" in before and "$271.03" in before and "$260.00" not in before
    form = acme.get("/partners/requests/new?type=special_price&sku=NW-SRV-1005").text
    assert 'value="NW-SRV-1005"' in form
    too_high = acme.post(
        "/partners/requests",
        {
            "csrf_token": field(form, "csrf_token"),
            "submission_id": field(form, "submission_id"),
            "request_type": "special_price",
            "sku": "NW-SRV-1005",
            "requested_price": "271.03",
            "quantity": "25",
            "reason": "Too high",
        },
    )
    assert too_high.status_code == 400 and "ask for a lower one" in too_high.text
    request_id = ask(acme, "NW-SRV-1005", "260")
    assert "Waiting for finance" in acme.get(f"/partners/requests/{request_id}").text
    assert "$260.00" not in acme.get("/partners/prices?sku=NW-SRV-1005").text
    runtime.wait_for_mail(FINANCE)

    finance = console(runtime, FINANCE)
    assert "pricing and credit request" in finance[0].get("/admin").text
    assert request_id in finance[0].get("/admin/approvals").text
    assert decide(finance, request_id) == 303

    after = acme.get("/partners/prices?sku=NW-SRV-1005").text
    assert "$260.00" in after and "$285.29" in after
    assert "Approved" in acme.get(f"/partners/requests/{request_id}").text


@pytest.mark.parametrize("role", ["salesperson", "technical"])
def test_other_roles_may_not_ask(runtime: Runtime, role: str) -> None:
    visitor = partner(runtime, "acme", role)
    csrf = field(visitor.get("/partners/dashboard").text, "csrf_token")

    assert visitor.get("/partners/requests/new").status_code == 403
    refused = visitor.post("/partners/requests", {"csrf_token": csrf, "request_type": "credit_limit"})
    assert refused.status_code == 403


def test_another_partners_request_and_tampered_ids_are_refused(runtime: Runtime) -> None:
    sku, list_price = fresh_sku()
    acme, globex = partner(runtime, "acme", "principal"), partner(runtime, "globex", "principal")
    request_id = ask(acme, sku, dollars(round(list_price * 0.72)))
    globex_csrf = field(globex.get("/partners/dashboard").text, "csrf_token")

    assert globex.get(f"/partners/requests/{request_id}").status_code == 404
    assert globex.post(f"/partners/requests/{request_id}/withdraw", {"csrf_token": globex_csrf}).status_code == 404
    form = globex.get("/partners/requests/new?type=special_price").text
    base = {
        "csrf_token": field(form, "csrf_token"),
        "submission_id": field(form, "submission_id"),
        "request_type": "special_price",
        "requested_price": "1",
        "quantity": "25",
        "reason": "Tampered",
    }
    not_listed = globex.post("/partners/requests", {**base, "sku": "NW-SRV-99999"})
    deal = globex.post("/partners/requests", {**base, "sku": sku, "deal_id": "demo-acme-initech"})
    assert not_listed.status_code == 400 and "not on your price list" in not_listed.text
    assert deal.status_code == 400 and "one of your deals" in deal.text


@pytest.mark.parametrize("email", ["ops@northwind.example", "auditor@northwind.example"])
def test_ops_and_auditors_cannot_decide(runtime: Runtime, email: str) -> None:
    sku, list_price = fresh_sku()
    request_id = ask(partner(runtime, "acme", "principal"), sku, dollars(round(list_price * 0.72)))
    visitor, csrf = console(runtime, email)

    answer = visitor.post(
        f"/admin/approvals/{request_id}/decision", {"csrf_token": csrf, "decision": "approve", "version": "1"}
    )

    assert answer.status_code == 403


def test_two_finance_admins_deciding_at_once_make_one_decision(runtime: Runtime) -> None:
    sku, list_price = fresh_sku()
    acme = partner(runtime, "acme", "principal")
    request_id = ask(acme, sku, dollars(round(list_price * 0.72)))
    admins = [console(runtime, FINANCE), console(runtime, OWNER)]
    versions = {pair[0]: field(pair[0].get(f"/admin/approvals/{request_id}").text, "version") for pair in admins}

    def post(pair: tuple[Visitor, str], decision: str) -> int:
        visitor, csrf = pair
        form = {"csrf_token": csrf, "decision": decision, "version": versions[visitor], "note": "race"}
        return visitor.post(f"/admin/approvals/{request_id}/decision", form).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(post, admins * 2, ["approve", "reject", "reject", "approve"]))

    assert sorted(answers) == [303, 409, 409, 409]
    state = acme.get(f"/partners/requests/{request_id}").text
    assert ("Approved" in state) != ("Not approved" in state)


def test_four_eyes_refuses_the_same_admin_twice_and_applies_on_the_second(runtime: Runtime) -> None:
    sku, list_price = fresh_sku()
    acme = partner(runtime, "acme", "principal")
    asked = dollars(round(list_price * 0.55))  # 45% off: beyond the demo's 30%
    request_id = ask(acme, sku, asked)
    finance = console(runtime, FINANCE)

    assert decide(finance, request_id) == 303
    assert decide(finance, request_id) == 409
    assert f"${float(asked):,.2f}" not in acme.get(f"/partners/prices?sku={sku}").text
    assert decide(console(runtime, OWNER), request_id) == 303
    assert f"${float(asked):,.2f}" in acme.get(f"/partners/prices?sku={sku}").text


def test_a_withdrawn_request_cannot_be_decided(runtime: Runtime) -> None:
    sku, list_price = fresh_sku()
    acme = partner(runtime, "acme", "principal")
    request_id = ask(acme, sku, dollars(round(list_price * 0.72)))
    finance = console(runtime, FINANCE)
    version = field(finance[0].get(f"/admin/approvals/{request_id}").text, "version")
    csrf = field(acme.get("/partners/requests").text, "csrf_token")
    assert acme.post(f"/partners/requests/{request_id}/withdraw", {"csrf_token": csrf}).status_code == 303

    late = finance[0].post(
        f"/admin/approvals/{request_id}/decision",
        {"csrf_token": finance[1], "decision": "approve", "version": version},
    )

    assert late.status_code == 409 and "already decided or withdrawn" in late.text


def test_a_double_submit_makes_one_request(runtime: Runtime) -> None:
    sku, list_price = fresh_sku()
    acme = partner(runtime, "acme", "principal")
    form = acme.get("/partners/requests/new?type=special_price").text
    sent = {
        "csrf_token": field(form, "csrf_token"),
        "submission_id": field(form, "submission_id"),
        "request_type": "special_price",
        "sku": sku,
        "requested_price": dollars(round(list_price * 0.72)),
        "quantity": "25",
        "reason": f"Twice {uuid.uuid4().hex[:6]}",
    }

    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(lambda _: acme.post("/partners/requests", sent), range(2)))

    assert {a.headers["Location"] for a in answers} == {answers[0].headers["Location"]}
