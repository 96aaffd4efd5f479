"""Deal registration, the partner side: submit, conflicts, double submits, who sees what."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.seed import TENANT_ID
from portside.data.models.records import AuditEvent
from portside.data.models.tenants import Tenant
from portside.deals import registering as deals_domain
from portside.deals.models import Deal
from tests.functional.portal import Answer, Portal

DEAL = {
    "customer_name": "Initech, Inc.",
    "customer_domain": "initech.com",
    "title": "Initech laptops 2027",
    "amount": "125,000.50",
    "close_date": "",
    "description": "400 laptops for the spring refresh.",
}


def deals() -> list[Deal]:
    return [d for d in Deal.scan() if isinstance(d, Deal)]  # test-only: request code never scans


def register(portal: Portal, **changes: str) -> Answer:
    form = portal.get("/partners/deals/new")
    assert form.status == 200
    fields = {**DEAL, **changes, "submission_id": form.field("submission_id"), "csrf_token": form.field("csrf_token")}
    return portal.post("/partners/deals", fields)


def test_a_salesperson_registers_a_deal_that_waits_for_approval(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("sales@acme.example")

    answer = register(portal)

    assert answer.status == 303
    (deal,) = deals()
    assert (deal.kind, deal.state, deal.amount_cents, deal.customer_key) == (
        "partner_intent",
        "pending",
        12500050,
        "initech",
    )
    page = portal.get(answer.location).body
    assert "Pending approval" in page and "$125,000.50" in page and "needs a closer review" not in page
    assert "Initech laptops 2027" in portal.get("/partners/deals").body
    assert [e.action for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))].count("deal.submitted") == 1
    mail = portal.last_mail_to("ops@northwind.example")
    assert "New deal registration: Initech laptops 2027" in mail.subject
    receipt = portal.last_mail_to("sales@acme.example")
    assert receipt.subject == "Deal registration received: Initech laptops 2027"
    assert (
        receipt.text.startswith("Hello Acme Sales,") and "$125,000.50" in receipt.text and deal.deal_id in receipt.text
    )


def test_the_same_form_posted_twice_creates_one_deal(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    form = portal.get("/partners/deals/new")
    fields = {**DEAL, "submission_id": form.field("submission_id"), "csrf_token": form.field("csrf_token")}

    first, second = portal.post("/partners/deals", fields), portal.post("/partners/deals", fields)

    assert first.location == second.location and len(deals()) == 1
    receipts = [mail for mail in portal.sent_mail() if mail.subject.startswith("Deal registration received")]
    assert [mail.to for mail in receipts] == [["principal@acme.example"]], "one receipt for one deal"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("amount", "0"),
        ("amount", "-5"),
        ("amount", "1000000000.01"),
        ("amount", "12.345"),
        ("close_date", "2020-01-01"),
        ("customer_domain", "not a domain"),
        ("customer_name", ""),
        ("title", "x" * 121),
        ("description", ""),
    ],
)
def test_bad_input_shows_the_form_again_and_creates_nothing(portal: Portal, field: str, value: str) -> None:
    portal.sign_in("sales@acme.example")

    answer = register(portal, **{field: value})

    assert answer.status == 400 and f'id="{field}-error"' in answer.body
    assert deals() == []


def test_the_same_customer_email_domain_flags_both_without_naming_anyone(portal: Portal) -> None:
    portal.sign_in("sales@globex.example")
    globex = register(portal, customer_name="Initech Holdings", title="Globex bid").location
    portal.jar.clear()
    portal.sign_in("sales@acme.example")

    acme = register(portal, customer_name="Other name", customer_domain="www.Initech.com").location  # by domain
    acme_page = portal.get(acme).body

    assert "needs a closer review" in acme_page and "Globex" not in acme_page
    portal.jar.clear()
    portal.sign_in("sales@globex.example")
    assert "needs a closer review" in portal.get(globex).body


def test_same_customer_by_name_flags_both(portal: Portal) -> None:
    portal.sign_in("sales@globex.example")
    globex = register(portal, customer_name="INITECH LLC", title="Globex bid").location
    portal.jar.clear()
    portal.sign_in("sales@acme.example")

    acme = register(portal).location

    assert "needs a closer review" in portal.get(acme).body
    by_id = {d.partner_id: d for d in deals()}
    assert by_id["acme"].conflicts_with == [by_id["globex"].deal_id]
    assert by_id["globex"].conflicts_with == [by_id["acme"].deal_id]
    portal.jar.clear()
    portal.sign_in("sales@globex.example")
    page = portal.get(globex).body
    assert "needs a closer review" in page and "Acme" not in page


def test_another_partners_deal_is_not_found(portal: Portal) -> None:
    portal.sign_in("sales@globex.example")
    globex = register(portal).location
    portal.jar.clear()
    portal.sign_in("principal@acme.example")

    assert portal.get(globex.split("?")[0]).status == 404
    assert portal.get("/partners/deals/" + "0" * 32).status == 404


def test_technical_contacts_read_deals_and_cannot_register(portal: Portal) -> None:
    portal.sign_in("sales@acme.example")
    deal = register(portal).location.split("?")[0]
    portal.jar.clear()
    portal.sign_in("tech@acme.example")

    assert portal.get(deal).status == 200
    listing = portal.get("/partners/deals").body
    assert "Initech laptops 2027" in listing and "Register a deal" not in listing
    assert portal.get("/partners/deals/new").status == 403
    assert (
        portal.post("/partners/deals", {**DEAL, "csrf_token": portal.get("/partners/deals").field("csrf_token")}).status
        == 403
    )


def test_salespeople_see_only_their_own_deals_where_the_tenant_says_so(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    principals = register(portal, title="Principal's deal").location.split("?")[0]
    tenant = Tenant.get(*Tenant.keys_for(TENANT_ID))
    tenant.update(actions=[Tenant.salespeople_see_only_own_deals.set("yes")])
    from portside.web import tenants

    tenants.forget_cached_tenants()
    portal.jar.clear()
    portal.sign_in("sales@acme.example")

    assert "Principal&#39;s deal" not in portal.get("/partners/deals").body
    assert portal.get(principals).status == 404


def test_two_partners_registering_one_customer_at_the_same_moment_are_both_flagged(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race, made certain: Globex's whole registration lands between Acme's read and Acme's commit."""
    globex = Portal(monkeypatch)
    globex.sign_in("sales@globex.example")
    portal.sign_in("sales@acme.example")
    real_read = deals_domain._read_customers
    raced: list[Answer] = []

    def read_then_let_globex_in(*args: Any) -> Any:
        seen = real_read(*args)
        if not raced:
            raced.append(Answer(0, {}, [], ""))  # Globex's own read passes straight through
            raced[0] = register(globex, customer_name="INITECH LLC", title="Globex bid")
        return seen

    monkeypatch.setattr(deals_domain, "_read_customers", read_then_let_globex_in)

    acme = register(portal)

    assert acme.status == 303 and raced[0].status == 303
    by_id = {d.partner_id: d for d in deals()}
    assert by_id["acme"].conflicts_with == [by_id["globex"].deal_id]
    assert by_id["globex"].conflicts_with == [by_id["acme"].deal_id]
    assert by_id["globex"].version == 2  # flagging adds to the version; it does not reset it


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"amount": "0"}, "amount", "The amount must be more than 0."),
        ({"amount": "12.345"}, "amount", "with at most two decimals"),
        ({"amount": "2000000000"}, "amount", "at most $1,000,000,000"),
        ({"title": "x" * 130}, "title", "Keep this to 120 characters or fewer; it has 130."),
        ({"close_date": "2001-01-01"}, "close_date", "cannot be in the past"),
        ({"customer_name": ""}, "customer_name", "Enter the customer&#39;s company name"),
    ],
)
def test_a_refused_registration_says_the_one_thing_wrong_in_a_summary_that_takes_the_focus(
    portal: Portal, changes: dict[str, str], field: str, says: str
) -> None:
    portal.sign_in("sales@acme.example")

    refused = register(portal, **changes)

    assert refused.status == 400 and says in refused.body
    summary = refused.body.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert '<div class="error-summary" role="alert" tabindex="-1" autofocus' in refused.body  # focus goes to it
    assert f'href="#{field}"' in summary and says in summary
    assert f'id="{field}"' in refused.body and 'aria-invalid="true"' in refused.body
    assert refused.body.count('<span class="required">(required)</span>') == 4  # customer, title, amount, description
