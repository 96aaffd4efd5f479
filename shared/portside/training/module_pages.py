"""A training module in the console: the form that creates or edits it (its quiz typed in numbered slots)."""

from __future__ import annotations

from typing import Any

from portside.errors import InvalidInput
from portside.training.authoring import (
    AUDIENCE_LABELS,
    STATE_LABELS,
    ModuleInput,
    QuestionInput,
    get_module,
    quiz_of,
)
from portside.training.forms import MAX_QUESTIONS, RIGHT_MARK, ModuleForm, quiz_of_form
from portside.training.models import TrainingModule
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

TEMPLATE = "training/admin_training_module.html"
EMPTY_SLOTS = 3  # blank question slots under the last question: save to get more
NOTICES = {
    "created": "Module saved as a draft. Publish it when its quiz is ready: partners see it from then on.",
    "saved": "Saved.",
    "new_quiz_version": "Saved, and the changed quiz is published as a new version: partners take it from now on; "
    "certificates keep the version they passed.",
    "published": "Published: partners of its audience see it now.",
    "retired": "Retired: partners no longer see it; certificates already issued stay valid until they expire.",
}


def form_values(module: TrainingModule) -> dict[str, str]:
    """A module and its current quiz as the form shows them (right options marked with ``*``)."""
    values = {
        "title": module.title,
        "description": module.description,
        "audience": module.audience,
        "threshold": str(int(module.threshold)),
        "valid_days": str(int(module.valid_days)) if module.valid_days else "",
        "version": str(module.version),
    }
    for number, question in enumerate(quiz_of(module).questions, start=1):
        values[f"question_{number}"] = str(question.text)
        right = {int(index) for index in question.correct}
        values[f"options_{number}"] = "\n".join(
            f"{RIGHT_MARK if index in right else ''}{option}" for index, option in enumerate(question.options)
        )
    return values


def slots(values: dict[str, str]) -> int:
    """How many question slots the form offers: the last one filled in, and a few blank ones."""
    filled = [n for n in range(1, MAX_QUESTIONS + 1) if values.get(f"question_{n}") or values.get(f"options_{n}")]
    return min(MAX_QUESTIONS, max(filled, default=0) + EMPTY_SLOTS)


def module_context(request: PortalRequest, module: TrainingModule | None) -> dict[str, Any]:
    return {
        "module": module,
        "audiences": AUDIENCE_LABELS,
        "states": STATE_LABELS,
        "can_manage": request.admin.may("training_authoring", "manage"),
        "notice": NOTICES.get(request.query("notice") or ""),
        "max_questions": MAX_QUESTIONS,
    }


def _refused_context(request: PortalRequest, module: TrainingModule | None) -> dict[str, Any]:
    """A refused module form shown again: its page's context, with a slot for every question typed."""
    return {**module_context(request, module), "slot_count": slots(request.form_shown)}


def create_context(request: PortalRequest) -> dict[str, Any]:
    return _refused_context(request, None)


def edit_context(request: PortalRequest) -> dict[str, Any]:
    """The module a refused edit was for (its page shows the form again with what was typed)."""
    return _refused_context(request, get_module(request.tenant, request.path_param("module_id")))


def module_form_page(request: PortalRequest, module: TrainingModule | None) -> Response:
    values = form_values(module) if module is not None else {"audience": "all", "threshold": "80"}
    context = module_context(request, module)
    return page(request, TEMPLATE, values=values, errors={}, error=None, slot_count=slots(values), **context)


def module_input(form: dict[str, str]) -> ModuleInput:
    """The module and its quiz as typed; InvalidInput names every field in error, quiz slots included."""
    problems: dict[str, str] = {}
    try:
        fields = parse_form(ModuleForm, form)
    except InvalidInput as refused:
        problems.update(refused.errors)
    try:
        questions = quiz_of_form(form)
    except InvalidInput as refused:
        problems.update(refused.errors)
    if problems:
        raise InvalidInput(problems)
    return ModuleInput(
        fields.title,
        fields.description,
        fields.audience,
        fields.threshold,
        fields.valid_days,
        tuple(QuestionInput(text, options, correct) for text, options, correct in questions),
    )
