"""A module's page for a partner contact: its description, where they stand, the last result, and the quiz."""

from __future__ import annotations

import json
from typing import Any

from portside.training.authoring import quiz_of
from portside.training.learning import module_for, quiz_view
from portside.training.models import ShownQuestion, TrainingStatus
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

TEMPLATE = "training/partner_training_module.html"
RESULTS = {"passed", "failed"}


def module_context(request: PortalRequest) -> dict[str, Any]:
    """The module, its current quiz without the right answers, and the contact's standing: one BatchGet (and a
    GetItem of the quiz version for a module last saved before the module kept its quiz as shown)."""
    module, status = module_for(request.tenant, request.partner, request.path_param("module_id"))
    shown = module.quiz_shown
    if shown is None:
        shown = [ShownQuestion.of(question) for question in quiz_of(module).questions]
    result = request.query("result")
    quiz = quiz_view(module, status, list(shown))
    return {
        "quiz": quiz,
        "result": result if result in RESULTS else None,
        "can_take": request.partner.may("training", "take_quiz"),
        "kept": kept_answers(status, quiz.version) if result == "failed" else {},
    }


def kept_answers(status: TrainingStatus | None, version: int) -> dict[int, list[str]]:
    """The last attempt's choices by question, to take a failed quiz again from; none once the quiz changed."""
    if status is None or status.last_answers_json is None or status.last_quiz_version != version:
        return {}
    return {
        int(number): [str(option) for option in options]
        for number, options in json.loads(status.last_answers_json).items()
    }


def module_page(request: PortalRequest) -> Response:
    return page(request, TEMPLATE, error=None, values={}, errors={}, **module_context(request))
