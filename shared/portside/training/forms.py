"""Training: a module as authored (its quiz typed as one question per line and its options below), and a quiz taken."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field, StringConstraints

from portside.errors import InvalidInput
from portside.text import has_control_characters
from portside.web.forms.base import Name, PortalForm, Slug, blank_is_none
from portside.web.forms.text import Paragraphs

MAX_QUESTIONS = 30
MIN_OPTIONS, MAX_OPTIONS = 2, 6
RIGHT_MARK = "*"  # an option line starting with it is a right answer


class ModuleForm(PortalForm):
    """The module's own fields; its questions come from ``quiz_of_form``. ``version``: the module's as read."""

    messages: ClassVar[dict[str, str]] = {
        "title": "Enter a title (up to 120 characters).",
        "description": "Describe the module in up to 4,000 characters.",
        "audience": "Choose who the module is for.",
        "threshold": "Choose a whole percentage from 1 to 100.",
        "valid_days": "Choose a whole number of days from 1 to 3650, or leave it empty for no expiry.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    title: Name
    description: Annotated[Paragraphs, StringConstraints(min_length=1, max_length=4000)]
    audience: Literal["all", "principal", "salesperson", "technical"]
    threshold: Annotated[int, Field(ge=1, le=100)] = 80
    valid_days: Annotated[int | None, Field(ge=1, le=3650), BeforeValidator(blank_is_none)] = None
    version: int = 0


class ModuleMoveForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "state": "Choose to publish or retire the module.",
        "version": "This page is out of date. Reload it and try again.",
    }
    state: Literal["published", "retired"]
    version: int


def _question(number: int, text: str, lines: str) -> tuple[str, tuple[str, ...], tuple[int, ...]]:
    """One question as typed: its text, and its options one per line, each right one marked with ``*``."""
    field = f"question_{number}"
    options = [line.strip() for line in lines.splitlines() if line.strip()]
    marked = [index for index, option in enumerate(options) if option.startswith(RIGHT_MARK)]
    options = [option.removeprefix(RIGHT_MARK).strip() for option in options]
    if not text or len(text) > 500 or has_control_characters(text):
        raise InvalidInput({field: f"Question {number}: type the question on one line (up to 500 characters)."})
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS or any(not 0 < len(o) <= 300 for o in options):
        raise InvalidInput({field: f"Question {number}: give 2 to 6 options, one per line (up to 300 characters)."})
    if any(has_control_characters(option) for option in options):
        raise InvalidInput({field: f"Question {number}: the options are plain text, one per line."})
    if not marked:
        raise InvalidInput({field: f"Question {number}: mark each right option with * at the start of its line."})
    return text, tuple(options), tuple(marked)


def quiz_of_form(form: dict[str, str]) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    """The quiz typed into the form's numbered slots (``question_<n>``, ``options_<n>``); empty slots are skipped."""
    questions = []
    for number in range(1, MAX_QUESTIONS + 1):
        text = " ".join(form.get(f"question_{number}", "").split())
        lines = form.get(f"options_{number}", "")
        if text or lines.strip():
            questions.append(_question(number, text, lines))
    return questions


def answers_of_form(values: Callable[[str], list[str]], questions: int) -> dict[int, set[int]]:
    """The options chosen per question (``q<n>``: once for a radio, once per ticked box); odd values choose nothing."""
    chosen: dict[int, set[int]] = {}
    for number in range(1, questions + 1):
        picked = {int(value) for value in values(f"q{number}") if value.isdigit() and len(value) < 3}
        chosen[number] = {index for index in picked if index < MAX_OPTIONS}
    return chosen


class QuizForm(PortalForm):
    """The version of the quiz the page showed: grading refuses another."""

    messages: ClassVar[dict[str, str]] = {"quiz_version": "This quiz page is out of date. Open the module again."}
    quiz_version: Annotated[int, Field(ge=1)]


class ReportFilter(PortalForm):
    """The training report's filters: one partner, one module, or all."""

    messages: ClassVar[dict[str, str]] = {
        "partner": "Choose a partner from the list.",
        "module": "Choose a module from the list.",
    }
    partner: Annotated[Slug | None, BeforeValidator(blank_is_none)] = None
    module: Annotated[
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")] | None, BeforeValidator(blank_is_none)
    ] = None
