"""What a person may type: one-line text, and paragraphs.

A one-line field (a name, a title, a subject, a brand name) may end up in a mail header, a CSV
cell or a page title, where a line break or another control character changes what the
reader sees or breaks the mail for good. Such a field refuses every control character (and the
Unicode line and paragraph separators) at the edge, with a sentence that says so. Paragraphs
(a description, a question, an answer) keep their line breaks and tabs and refuse the rest.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

# The error types of this module: ``parse_form`` shows their own sentence rather than the field's usual one.
TEXT_PROBLEMS = frozenset({"single_line", "control_character"})
_BREAKS = frozenset({"Zl", "Zp"})  # U+2028 and U+2029, which some readers show as new lines
_PARAGRAPH_WHITESPACE = frozenset("\n\r\t")


def has_control_characters(value: str, allowed: frozenset[str] = frozenset()) -> bool:
    return any(
        (unicodedata.category(char) == "Cc" or unicodedata.category(char) in _BREAKS) and char not in allowed
        for char in value
    )


def _one_line(value: str) -> str:
    if has_control_characters(value):
        raise PydanticCustomError(
            "single_line", "Keep this to one line, without line breaks, tabs or other special characters."
        )
    return value


def _paragraphs(value: str) -> str:
    if has_control_characters(value, _PARAGRAPH_WHITESPACE):
        raise PydanticCustomError(
            "control_character", "Remove the special (control) characters; letters, digits and line breaks are fine."
        )
    return value


SingleLine = Annotated[str, AfterValidator(_one_line)]
Paragraphs = Annotated[str, AfterValidator(_paragraphs)]


def single_line(value: str) -> str:
    """``value`` made safe for one line, for text that did not pass through a form (a stored name, say)."""
    cleaned = "".join(" " if has_control_characters(char) else char for char in value)
    return " ".join(cleaned.split())
