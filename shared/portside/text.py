"""What a person may type: one-line text, and paragraphs.

A one-line field (a name, a title, a subject, a brand name) may end up in a mail header, a CSV
cell or a page title, where a line break or another control character changes what the
reader sees or breaks the mail for good. Such a field refuses every control character (and the
Unicode line and paragraph separators) at the edge, with a sentence that says so. Paragraphs
(a description, a question, an answer) keep their line breaks and tabs and refuse the rest.

The form field types that apply these rules are in ``portside.web.forms.text``; this module
stays free of pydantic, for the mail worker that cleans stored text.
"""

from __future__ import annotations

import unicodedata

_BREAKS = frozenset({"Zl", "Zp"})  # U+2028 and U+2029, which some readers show as new lines
PARAGRAPH_WHITESPACE = frozenset("\n\r\t")


def has_control_characters(value: str, allowed: frozenset[str] = frozenset()) -> bool:
    return any(
        (unicodedata.category(char) == "Cc" or unicodedata.category(char) in _BREAKS) and char not in allowed
        for char in value
    )


def single_line(value: str) -> str:
    """``value`` made safe for one line, for text that did not pass through a form (a stored name, say)."""
    cleaned = "".join(" " if has_control_characters(char) else char for char in value)
    return " ".join(cleaned.split())


# A spreadsheet runs a cell that starts with one of these as a formula: such cells are quoted (OWASP CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text, never runs."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def file_size(size: int | float) -> str:
    """``2.4 MB``, ``18 KB``, ``512 bytes``: a file's size as pages and messages say it."""
    size = int(size)
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} bytes"
