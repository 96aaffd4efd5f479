"""Partner questions and admins' answers."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import (
    StringConstraints,
    field_validator,
)

from portside.web.forms.base import (
    PortalForm,
)
from portside.web.forms.text import Paragraphs, SingleLine


class QuestionForm(PortalForm):
    """A partner's question; ``submission_id`` names the form it came from (one question however often it is posted)."""

    messages: ClassVar[dict[str, str]] = {
        "subject": "Enter a subject (up to 150 characters).",
        "body": "Write your question in up to 4,000 characters.",
        "deal_id": "Choose one of your deals from the list, or none.",
        "submission_id": "This form has expired. Open a new question form and try again.",
    }
    subject: Annotated[SingleLine, StringConstraints(min_length=1, max_length=150)]
    body: Annotated[Paragraphs, StringConstraints(min_length=1, max_length=4000)]
    deal_id: Annotated[str | None, StringConstraints(pattern=r"^[A-Za-z0-9-]{1,64}$")] = None
    submission_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]

    @field_validator("deal_id", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return value or None


class AnswerForm(PortalForm):
    """An admin's answer; ``version`` is the question's when the form was read."""

    messages: ClassVar[dict[str, str]] = {
        "answer": "Write the answer in up to 8,000 characters.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    answer: Annotated[Paragraphs, StringConstraints(min_length=1, max_length=8000)]
    version: int
