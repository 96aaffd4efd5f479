"""The form field types for what a person types: one line (refusing control characters), or paragraphs."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from portside.text import PARAGRAPH_WHITESPACE, has_control_characters

# The error types of this module: ``parse_form`` shows their own sentence rather than the field's usual one.
TEXT_PROBLEMS = frozenset({"single_line", "control_character"})


def _one_line(value: str) -> str:
    if has_control_characters(value):
        raise PydanticCustomError(
            "single_line", "Keep this to one line, without line breaks, tabs or other special characters."
        )
    return value


def _paragraphs(value: str) -> str:
    if has_control_characters(value, PARAGRAPH_WHITESPACE):
        raise PydanticCustomError(
            "control_character", "Remove the special (control) characters; letters, digits and line breaks are fine."
        )
    return value


SingleLine = Annotated[str, AfterValidator(_one_line)]
Paragraphs = Annotated[str, AfterValidator(_paragraphs)]
