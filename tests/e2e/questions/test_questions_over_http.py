"""Partner questions over HTTP against the local runtime: the story and its attacks."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.e2e.client import Visitor, field
from tests.e2e.deals.test_deals_over_http import contact, deal_id_of, id_in, partner, registration
from tests.e2e.runtime import Runtime
from tests.e2e.test_console_over_http import console

pytestmark = pytest.mark.e2e


def question_form(visitor: Visitor, subject: str, **changes: str) -> dict[str, str]:
    form = visitor.get("/partners/questions/new").text
    return {
        "csrf_token": field(form, "csrf_token"),
        "submission_id": field(form, "submission_id"),
        "subject": subject,
        "body": "Asked over HTTP.",
        "deal_id": "",
        **changes,
    }


def question_id_of(location: str) -> str:
    return id_in(location, "questions")


def answer_form(admin: Visitor, question: str, text: str) -> dict[str, str]:
    page = admin.get(f"/admin/partners/questions/{question}").text
    return {"csrf_token": field(page, "csrf_token"), "version": field(page, "version"), "answer": text}


def test_ask_answer_update_and_see_it(runtime: Runtime) -> None:
    tech, email = contact(runtime, "acme", "technical")
    principal = partner(runtime, "acme", "principal")
    deal = deal_id_of(
        principal.post("/partners/deals", registration(principal, f"Q {uuid.uuid4().hex[:6]}")).headers["Location"]
    )
    subject = f"Docks {uuid.uuid4().hex[:6]}"
    asked = tech.post("/partners/questions", question_form(tech, subject, deal_id=deal))
    assert asked.status_code == 303
    question = question_id_of(asked.headers["Location"])

    ops, _ = console(runtime, "ops@northwind.example")
    queue = ops.get("/admin/partners/questions").text
    assert subject in queue and "Acme Resellers" in queue
    mails_before = runtime.count_mail(email)
    saved = ops.post(f"/admin/partners/questions/{question}/answer", answer_form(ops, question, "In the box."))
    assert saved.status_code == 303
    mail = runtime.wait_for_mail(email, already=mails_before)
    assert f"Answer: {subject}" in mail["subject"] and "In the box." in mail["text"]
    page = principal.get(f"/partners/questions/{question}").text
    assert "In the box." in page and f"/partners/deals/{deal}" in page

    updated = ops.post(f"/admin/partners/questions/{question}/answer", answer_form(ops, question, "In box 2."))
    assert updated.status_code == 303
    assert "Updated answer" in runtime.wait_for_mail(email, already=mails_before + 1)["subject"]
    page = tech.get(f"/partners/questions/{question}").text
    assert "In box 2." in page and "· updated" in page
    assert f"Answer updated: {subject}" in tech.get("/partners/dashboard").text


def test_two_admins_answering_at_once_save_one_answer_and_the_other_is_told(runtime: Runtime) -> None:
    tech = partner(runtime, "acme", "technical")
    question = question_id_of(tech.post("/partners/questions", question_form(tech, "Race")).headers["Location"])
    admins = [console(runtime, "ops@northwind.example")[0], console(runtime, "owner@northwind.example")[0]]
    forms = [answer_form(admin, question, f"Answer {n}") for n, admin in enumerate(admins)]  # both read version 1

    def save(admin: Visitor, form: dict[str, str]) -> requests.Response:
        return admin.post(f"/admin/partners/questions/{question}/answer", form)

    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(save, admins, forms))

    assert sorted(a.status_code for a in answers) == [303, 409]
    loser = next(a for a in answers if a.status_code == 409)
    assert "Someone else saved an answer" in loser.text
    winner = forms[[a.status_code for a in answers].index(303)]["answer"]
    assert winner in tech.get(f"/partners/questions/{question}").text


def test_roles_ids_tampering_double_submits_and_bad_input(runtime: Runtime) -> None:
    globex = partner(runtime, "globex", "principal")
    theirs = deal_id_of(
        globex.post("/partners/deals", registration(globex, f"G {uuid.uuid4().hex[:6]}")).headers["Location"]
    )
    their_question = question_id_of(
        globex.post("/partners/questions", question_form(globex, "Globex only")).headers["Location"]
    )
    acme = partner(runtime, "acme", "principal")
    sales = partner(runtime, "acme", "salesperson")

    assert acme.get(f"/partners/questions/{their_question}").status_code == 404  # another partner's, by URL
    tampered = acme.post("/partners/questions", question_form(acme, "Tampered", deal_id=theirs))
    assert tampered.status_code == 400 and 'id="deal_id-error"' in tampered.text
    assert sales.get("/partners/questions").status_code == 200
    assert sales.get("/partners/questions/new").status_code == 403
    finance, csrf = console(runtime, "finance@northwind.example")  # deals and pricing, not questions
    assert finance.get("/admin/partners/questions").status_code == 403
    answer = {"csrf_token": csrf, "version": "1", "answer": "x"}
    assert finance.post(f"/admin/partners/questions/{their_question}/answer", answer).status_code == 403
    bad = acme.post("/partners/questions", question_form(acme, "", body=""))
    assert bad.status_code == 400 and 'id="subject-error"' in bad.text and 'id="body-error"' in bad.text

    form = question_form(acme, f"Twice {uuid.uuid4().hex[:6]}")
    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(lambda _: acme.post("/partners/questions", form), range(2)))
    assert len({a.headers["Location"] for a in answers}) == 1
    listing = acme.get("/partners/questions").text
    assert listing.count(form["subject"]) == 1 and "Tampered" not in listing and "Globex only" not in listing
