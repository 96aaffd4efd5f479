"""Partner questions, both sides: asking, who reads what, answering once and updating without overwriting."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.seed import TENANT_ID
from portside.data.models.records import AuditEvent
from portside.data.models.tenants import Tenant
from portside.questions import following as questions_domain
from portside.questions.models import Question
from tests.functional.deals.test_deals import register
from tests.functional.portal import Answer, Portal

OPS, OWNER, FINANCE, AUDITOR = (
    "ops@northwind.example",
    "owner@northwind.example",
    "finance@northwind.example",
    "auditor@northwind.example",
)
QUESTION = {"subject": "Rack rails", "body": "Do the docks ship with rack rails?", "deal_id": ""}


def questions() -> list[Question]:
    return [q for q in Question.scan() if isinstance(q, Question)]  # test-only: request code never scans


def actions(prefix: str) -> list[str]:
    """The audit log's actions starting with ``prefix``, oldest first."""
    return [e.action for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)) if e.action.startswith(prefix)]


def ask(portal: Portal, **changes: str) -> Answer:
    form = portal.get("/partners/questions/new")
    assert form.status == 200
    fields = {**QUESTION, **changes, "submission_id": form.field("submission_id")}
    return portal.post("/partners/questions", {**fields, "csrf_token": form.field("csrf_token")})


def created_id(answer: Answer) -> str:
    """The id of the deal or question a submission redirected to."""
    return answer.location.split("?")[0].rsplit("/", 1)[-1]


def asked_by_acme(portal: Portal) -> str:
    """A question of Acme's technical contact; its id. Signed out afterwards."""
    portal.sign_in("tech@acme.example")
    asked = created_id(ask(portal))
    portal.jar.clear()
    return asked


def answer(portal: Portal, asked: str, text: str, version: str | None = None) -> Answer:
    form = portal.get(f"/admin/partners/questions/{asked}")
    fields = {"csrf_token": form.field("csrf_token"), "version": version or form.field("version"), "answer": text}
    return portal.post(f"/admin/partners/questions/{asked}/answer", fields)


def test_a_technical_contact_asks_about_a_deal_and_ops_is_mailed(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("sales@acme.example")
    deal = created_id(register(portal))
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    form = portal.get("/partners/questions/new").body
    assert "Initech laptops 2027" in form  # the partner's deals are the choices

    asked = ask(portal, deal_id=deal)

    assert asked.status == 303 and asked.location.endswith("?notice=asked")
    (question,) = questions()
    assert (question.partner_id, question.asker_id, question.deal_id, question.state) == (
        "acme",
        "acme-technical",
        deal,
        "open",
    )
    page = portal.get(asked.location).body
    assert "Rack rails" in page and "Not answered yet" in page and f'href="/partners/deals/{deal}"' in page
    assert actions("question.") == ["question.asked"]
    assert "Partner question: Rack rails" in portal.last_mail_to(OPS).subject


def test_a_deal_page_offers_a_question_about_it(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    deal = created_id(register(portal))

    link = f"/partners/questions/new?deal={deal}"
    assert link in portal.get(f"/partners/deals/{deal}").body
    assert f'<option value="{deal}" selected>' in portal.get(link).body
    portal.jar.clear()
    portal.sign_in("sales@acme.example")
    assert link not in portal.get(f"/partners/deals/{deal}").body  # salespeople read questions, never ask


def test_a_linked_deal_older_than_the_choices_is_still_offered(portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(questions_domain, "DEAL_CHOICES", 1)
    portal.sign_in("principal@acme.example")
    older = created_id(register(portal, title="Older deal"))
    newer = created_id(register(portal, title="Newer deal"))

    offered = portal.get(f"/partners/questions/new?deal={older}").body
    assert f'<option value="{older}" selected>' in offered and f'<option value="{newer}">' in offered
    assert f'value="{older}"' not in portal.get("/partners/questions/new").body  # only the newest, unlinked


def test_a_linked_deal_of_another_partner_is_not_offered(portal: Portal) -> None:
    portal.sign_in("sales@globex.example")
    globex_deal = created_id(register(portal, title="Globex bid"))
    portal.jar.clear()
    portal.sign_in("principal@acme.example")

    form = portal.get(f"/partners/questions/new?deal={globex_deal}")

    assert form.status == 200 and globex_deal not in form.body and "Globex bid" not in form.body


def test_the_same_form_posted_twice_asks_once(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    form = portal.get("/partners/questions/new")
    fields = {**QUESTION, "submission_id": form.field("submission_id"), "csrf_token": form.field("csrf_token")}

    first, second = portal.post("/partners/questions", fields), portal.post("/partners/questions", fields)

    assert first.location == second.location and len(questions()) == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("subject", ""),
        ("subject", "x" * 151),
        ("body", ""),
        ("body", "x" * 4001),
        ("deal_id", "../../deals/x"),
        ("deal_id", "0" * 32),  # well formed, but no deal of this partner
    ],
)
def test_bad_input_shows_the_form_again_and_asks_nothing(portal: Portal, field: str, value: str) -> None:
    portal.sign_in("principal@acme.example")

    answered = ask(portal, **{field: value})

    assert answered.status == 400 and f'id="{field}-error"' in answered.body
    assert 'name="submission_id"' in answered.body
    assert questions() == []


def test_another_partners_deal_cannot_be_named(portal: Portal) -> None:
    portal.sign_in("sales@globex.example")
    globex_deal = created_id(register(portal, title="Globex bid"))
    portal.jar.clear()
    portal.sign_in("principal@acme.example")

    tampered = ask(portal, deal_id=globex_deal)

    assert tampered.status == 400 and "Choose one of your deals" in tampered.body
    assert "Globex bid" not in tampered.body and questions() == []


def test_salespeople_read_questions_and_cannot_ask(portal: Portal) -> None:
    asked = asked_by_acme(portal)
    portal.sign_in("sales@acme.example")

    listing = portal.get("/partners/questions").body
    assert "Rack rails" in listing and "Ask a question" not in listing
    assert portal.get(f"/partners/questions/{asked}").status == 200
    assert portal.get("/partners/questions/new").status == 403
    token = portal.get("/partners/questions").field("csrf_token")
    refused = portal.post("/partners/questions", {**QUESTION, "csrf_token": token, "submission_id": "a" * 32})
    assert refused.status == 403
    assert len(questions()) == 1


def test_another_partners_question_is_not_found(portal: Portal) -> None:
    asked = asked_by_acme(portal)
    portal.sign_in("principal@globex.example")

    assert portal.get(f"/partners/questions/{asked}").status == 404
    assert "Rack rails" not in portal.get("/partners/questions").body
    assert portal.get("/partners/questions/" + "0" * 32).status == 404


def test_a_salesperson_who_sees_only_own_deals_does_not_see_a_related_deal(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    deal = created_id(register(portal, title="Principal's deal"))
    asked = created_id(ask(portal, deal_id=deal))
    Tenant.get(*Tenant.keys_for(TENANT_ID)).update(actions=[Tenant.salespeople_see_only_own_deals.set("yes")])
    from portside.web import tenants

    tenants.forget_cached_tenants()
    portal.jar.clear()
    portal.sign_in("sales@acme.example")

    page = portal.get(f"/partners/questions/{asked}").body
    assert "Rack rails" in page and "Principal&#39;s deal" not in page and deal not in page


def test_answering_mails_the_asker_and_the_partner_sees_it(portal: Portal, admin_pool: dict[str, Any]) -> None:
    asked = asked_by_acme(portal)
    portal.admin_sign_in(OPS)

    saved = answer(portal, asked, "Yes, in the box.")

    assert saved.location == f"/admin/partners/questions/{asked}?notice=answered"
    (question,) = questions()
    assert (question.state, question.answer, question.answered_by) == ("answered", "Yes, in the box.", f"admin:{OPS}")
    mail = portal.last_mail_to("tech@acme.example")
    assert "Answer: Rack rails" in mail.subject and "Yes, in the box." in mail.text
    assert f"/partners/questions/{asked}" in " ".join(mail.links)
    assert actions("question.") == ["question.asked", "question.answered"]
    portal.jar.clear()
    portal.sign_in("principal@acme.example")
    page = portal.get(f"/partners/questions/{asked}").body
    assert "Yes, in the box." in page and "Answered" in page and "updated" not in page
    assert "Answered: Rack rails" in portal.get("/partners/dashboard").body
    assert OPS not in page  # partners are not told which admin answered


def test_an_updated_answer_shows_when_it_changed(portal: Portal, admin_pool: dict[str, Any]) -> None:
    asked = asked_by_acme(portal)
    portal.admin_sign_in(OPS)
    answer(portal, asked, "Yes.")

    updated = answer(portal, asked, "Yes, from March on.")

    assert updated.location.endswith("notice=updated")
    assert "Updated answer: Rack rails" in portal.last_mail_to("tech@acme.example").subject
    assert actions("question.")[-1] == "question.answer_updated"
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    page = portal.get(f"/partners/questions/{asked}").body
    assert "Yes, from March on." in page and "· updated" in page and "Yes.<" not in page
    assert "Answer updated: Rack rails" in portal.get("/partners/dashboard").body


def test_two_admins_answering_at_once_cannot_overwrite_each_other(portal: Portal, admin_pool: dict[str, Any]) -> None:
    asked = asked_by_acme(portal)
    portal.admin_sign_in(OPS)
    read_version = portal.get(f"/admin/partners/questions/{asked}").field("version")
    assert answer(portal, asked, "The first answer.", version=read_version).status == 303

    late = answer(portal, asked, "The second answer.", version=read_version)  # read before the first was saved

    assert late.status == 409 and "Someone else saved an answer" in late.body
    assert "The first answer." in late.body  # theirs, shown
    assert ">The second answer.</textarea>" in late.body  # and the loser's own text, kept in the box
    assert late.field("version") != read_version  # saving again is a choice made with both in view
    (question,) = questions()
    assert question.answer == "The first answer."
    assert actions("question.answer") == ["question.answered"]
    assert answer(portal, asked, "The second answer.", version=late.field("version")).status == 303
    assert questions()[0].answer == "The second answer."


def test_an_empty_answer_is_refused(portal: Portal, admin_pool: dict[str, Any]) -> None:
    asked = asked_by_acme(portal)
    portal.admin_sign_in(OPS)

    empty = answer(portal, asked, "   ")

    assert empty.status == 400 and 'id="answer-error"' in empty.body
    assert questions()[0].state == "open"


def test_the_queue_lists_open_questions_first(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("tech@acme.example")
    first = created_id(ask(portal, subject="First asked"))
    ask(portal, subject="Second asked")
    portal.jar.clear()
    portal.admin_sign_in(OWNER)
    answer(portal, first, "Done.")

    queue = portal.get("/admin/partners/questions").body

    assert queue.index("Second asked") < queue.index("First asked")  # open before answered
    assert "Acme Resellers" in queue and "Acme Tech" in queue


def test_finance_cannot_read_or_answer_questions(portal: Portal, admin_pool: dict[str, Any]) -> None:
    asked = asked_by_acme(portal)
    portal.admin_sign_in(FINANCE)

    assert portal.get("/admin/partners/questions").status == 403
    assert portal.get(f"/admin/partners/questions/{asked}").status == 403
    refused = portal.admin_post(f"/admin/partners/questions/{asked}/answer", {"answer": "x", "version": "1"})
    assert refused.status == 403 and questions()[0].state == "open"


def test_the_auditor_reads_questions_and_answers_none(portal: Portal, admin_pool: dict[str, Any]) -> None:
    asked = asked_by_acme(portal)
    portal.admin_sign_in(AUDITOR)

    assert "Rack rails" in portal.get("/admin/partners/questions").body
    page = portal.get(f"/admin/partners/questions/{asked}").body
    assert "Do the docks ship with rack rails?" in page and 'name="answer"' not in page
    refused = portal.admin_post(f"/admin/partners/questions/{asked}/answer", {"answer": "x", "version": "1"})
    assert refused.status == 403 and questions()[0].state == "open"


def test_the_dashboard_offers_to_ask_only_to_those_who_may(portal: Portal) -> None:
    portal.sign_in("tech@acme.example")
    assert 'href="/partners/questions/new"' in portal.get("/partners/dashboard").body
    portal.jar.clear()
    portal.sign_in("sales@acme.example")
    dashboard = portal.get("/partners/dashboard").body
    assert 'href="/partners/questions/new"' not in dashboard and 'href="/partners/questions"' in dashboard


def test_the_demo_questions_are_open_and_answered_for_both_partners(portal: Portal, admin_pool: dict[str, Any]) -> None:
    from infra.local import seed

    seed.seed_deals()
    seed.seed_questions()
    assert {(q.partner_id, q.state) for q in questions()} == {
        (partner, state) for partner in ("acme", "globex") for state in ("open", "answered")
    }
    portal.sign_in("principal@globex.example")
    listing = portal.get("/partners/questions").body
    assert "Kiosk firmware updates" in listing and "answer updated" in listing and "Acme" not in listing
    portal.jar.clear()
    portal.admin_sign_in(OPS)
    queue = portal.get("/admin/partners/questions").body
    assert queue.index("Rack rails") < queue.index("Kiosk firmware")  # open first
