"""The questions' lines: a partner's questions, and the console's queue and answers."""

from __future__ import annotations

from portside.manifest.lines import Feature, R, Route, W

questions = Feature("questions")

ROUTES: tuple[Route, ...] = (
    questions.partner("partner_questions", "GET", "/partners/questions", (R,), ("questions", "view")),
    questions.partner("partner_question_new", "GET", "/partners/questions/new", (R,), ("questions", "ask")),
    questions.partner(
        "partner_question_ask",
        "POST",
        "/partners/questions",
        (W,),
        ("questions", "ask"),
        form_page="/partners/questions/new",
    ),
    questions.partner("partner_question", "GET", "/partners/questions/{question_id}", (R,), ("questions", "view")),
    questions.admin("admin_questions", "GET", "/admin/partners/questions", (R,), ("answers", "view")),
    questions.admin("admin_question", "GET", "/admin/partners/questions/{question_id}", (R,), ("answers", "view")),
    questions.admin(
        "admin_question_answer",
        "POST",
        "/admin/partners/questions/{question_id}/answer",
        (W,),
        ("answers", "answer"),
        form_page="/admin/partners/questions/{question_id}",
    ),
)
