"""Deal registration over HTTP against the local runtime: the story and its attacks."""

from __future__ import annotations

import re
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.e2e.client import Visitor, field, link_in, token_in
from tests.e2e.runtime import Runtime
from tests.e2e.test_console_over_http import console

pytestmark = pytest.mark.e2e


def contact(runtime: Runtime, partner_id: str, role: str) -> tuple[Visitor, str]:
    """A fresh contact of the partner, signed in through its invite; and its address."""
    visitor = Visitor(runtime.base_url)
    email = runtime.invite(partner_id, role)
    link = link_in(runtime.wait_for_mail(email))
    csrf = field(visitor.open_link(link).text, "csrf_token")
    assert visitor.post("/partners/auth/magic", {"csrf_token": csrf, "token": token_in(link)}).status_code == 303
    return visitor, email


def partner(runtime: Runtime, partner_id: str, role: str) -> Visitor:
    return contact(runtime, partner_id, role)[0]


def registration(visitor: Visitor, customer: str, **changes: str) -> dict[str, str]:
    form = visitor.get("/partners/deals/new").text
    return {
        "csrf_token": field(form, "csrf_token"),
        "submission_id": field(form, "submission_id"),
        "customer_name": customer,
        "customer_domain": "",
        "title": f"{customer} roll-out",
        "amount": "50000",
        "close_date": "",
        "description": "Over HTTP.",
        **changes,
    }


def id_in(location: str, section: str) -> str:
    """The id of the deal (or question) a submission redirected to."""
    found = re.search(rf"/partners/{section}/([0-9a-f]{{32}})", location)
    assert found
    return found.group(1)


def deal_id_of(location: str) -> str:
    return id_in(location, "deals")


def test_register_conflict_decide_and_see_the_result(runtime: Runtime) -> None:
    customer = f"Cust {uuid.uuid4().hex[:6]}"
    acme, globex = partner(runtime, "acme", "salesperson"), partner(runtime, "globex", "salesperson")
    acme_deal = deal_id_of(acme.post("/partners/deals", registration(acme, f"{customer} Inc")).headers["Location"])
    globex_deal = deal_id_of(globex.post("/partners/deals", registration(globex, customer.upper())).headers["Location"])
    assert "needs a closer review" in globex.get(f"/partners/deals/{globex_deal}").text
    assert "Acme" not in globex.get(f"/partners/deals/{globex_deal}").text

    ops, csrf = console(runtime, "ops@northwind.example")
    review = ops.get(f"/admin/deals/{globex_deal}").text
    assert "Conflicting registration" in review and "Acme Resellers" in review
    assert (
        ops.post(f"/admin/deals/{acme_deal}/decision", {"csrf_token": csrf, "decision": "approve"}).status_code == 303
    )
    rejected = ops.post(
        f"/admin/deals/{globex_deal}/decision",
        {"csrf_token": csrf, "decision": "reject", "note": "The other registration came first.", "confirmed": "yes"},
    )
    assert rejected.status_code == 303

    assert "Protected until" in acme.get(f"/partners/deals/{acme_deal}").text
    assert "Why: The other registration came first." in globex.get(f"/partners/deals/{globex_deal}").text
    assert "Deal approved" in acme.get("/partners/dashboard").text


def test_two_admins_deciding_at_once_make_one_decision(runtime: Runtime) -> None:
    acme = partner(runtime, "acme", "principal")
    deal = deal_id_of(
        acme.post("/partners/deals", registration(acme, f"Race {uuid.uuid4().hex[:6]}")).headers["Location"]
    )
    admins = [console(runtime, "ops@northwind.example"), console(runtime, "finance@northwind.example")]

    def decide(pair: tuple[Visitor, str], decision: str) -> int:
        visitor, csrf = pair
        form = {"csrf_token": csrf, "decision": decision, "note": "race", "confirmed": "yes"}
        return visitor.post(f"/admin/deals/{deal}/decision", form).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(decide, admins * 2, ["approve", "reject", "reject", "approve"]))

    assert sorted(answers) == [303, 409, 409, 409]
    state = acme.get(f"/partners/deals/{deal}").text
    assert ("Approved" in state) != ("Rejected" in state)


def test_a_double_submit_creates_one_deal(runtime: Runtime) -> None:
    acme = partner(runtime, "acme", "salesperson")
    form = registration(acme, f"Twice {uuid.uuid4().hex[:6]}")

    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(lambda _: acme.post("/partners/deals", form), range(2)))

    assert {a.headers["Location"] for a in answers} == {answers[0].headers["Location"]}
    assert acme.get("/partners/deals").text.count(form["title"]) == 1


def test_roles_ids_and_bad_input(runtime: Runtime) -> None:
    globex = partner(runtime, "globex", "principal")
    theirs = deal_id_of(
        globex.post("/partners/deals", registration(globex, f"Theirs {uuid.uuid4().hex[:6]}")).headers["Location"]
    )
    tech = partner(runtime, "acme", "technical")
    acme = partner(runtime, "acme", "salesperson")

    assert acme.get(f"/partners/deals/{theirs}").status_code == 404  # another partner's deal, by URL
    assert tech.get("/partners/deals/new").status_code == 403
    assert tech.get("/partners/deals").status_code == 200
    bad = acme.post("/partners/deals", registration(acme, "Bad", amount="-1", close_date="2001-01-01"))
    assert bad.status_code == 400 and 'id="amount-error"' in bad.text and 'id="close_date-error"' in bad.text
    assert "Bad roll-out" not in acme.get("/partners/deals").text


def test_the_daily_job_runs_on_demand_in_the_local_runtime(runtime: Runtime) -> None:
    import requests

    ran = requests.post(f"{runtime.base_url}/_dev/jobs/deal_protection", timeout=30)

    assert ran.status_code == 200 and set(ran.json()) == {"reminded", "expired"}
    assert requests.post(f"{runtime.base_url}/_dev/jobs/nothing", timeout=10).status_code == 404


def test_two_partners_registering_one_customer_at_once_are_both_flagged(runtime: Runtime) -> None:
    acme, globex = partner(runtime, "acme", "salesperson"), partner(runtime, "globex", "salesperson")
    for _ in range(3):
        customer = f"Race {uuid.uuid4().hex[:6]}"
        forms = [(acme, registration(acme, customer)), (globex, registration(globex, f"{customer.upper()} LLC"))]

        with ThreadPoolExecutor(max_workers=2) as pool:
            answers = list(pool.map(lambda pair: pair[0].post("/partners/deals", pair[1]), forms))

        assert [answer.status_code for answer in answers] == [303, 303]
        for (visitor, _), answer in zip(forms, answers, strict=True):
            assert "needs a closer review" in visitor.get(answer.headers["Location"]).text
