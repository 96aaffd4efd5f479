"""Questions: the partner's pages as a technical contact (who may ask), the console's as the owner."""

from __future__ import annotations

import uuid
from typing import Any

from tests.bench.scenarios import Scenario, as_contact


def scenarios(portal: Any) -> dict[str, Scenario]:
    from tests.functional.questions.test_questions import QUESTION

    def as_tech() -> None:
        as_contact(portal, "tech@acme.example")

    def form() -> dict[str, str]:
        page = portal.get("/partners/questions/new")
        return {**QUESTION, "submission_id": uuid.uuid4().hex, "csrf_token": page.field("csrf_token")}

    def answer_form() -> dict[str, str]:
        page = portal.get(f"/admin/partners/questions/{question_id}")
        return {"csrf_token": page.field("csrf_token"), "version": page.field("version"), "answer": "In the box."}

    as_tech()
    question_id = portal.post("/partners/questions", form()).location.split("?")[0].rsplit("/", 1)[-1]
    portal.admin_sign_in("owner@northwind.example")
    return {
        "partner_questions": (as_tech, lambda _: portal.get("/partners/questions")),
        "partner_question_new": (as_tech, lambda _: portal.get("/partners/questions/new")),
        "partner_question_ask": (form, lambda data: portal.post("/partners/questions", data)),
        "partner_question": (as_tech, lambda _: portal.get(f"/partners/questions/{question_id}")),
        "admin_questions": (lambda: None, lambda _: portal.get("/admin/partners/questions")),
        "admin_question": (lambda: None, lambda _: portal.get(f"/admin/partners/questions/{question_id}")),
        "admin_question_answer": (
            answer_form,
            lambda data: portal.post(f"/admin/partners/questions/{question_id}/answer", data),
        ),
    }
