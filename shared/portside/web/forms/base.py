"""What every form shares: the base model, the one parse that turns a bad form into InvalidInput, common field types."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from portside.errors import InvalidInput
from portside.web.forms.text import TEXT_PROBLEMS, Paragraphs, SingleLine

Form = TypeVar("Form", bound="PortalForm")


ONE_THING = "one_thing"  # a validator's own sentence for the one thing wrong with a value


class PortalForm(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")
    # One sentence per field that tells a person what to type; pydantic's wording is the fallback.
    messages: ClassVar[dict[str, str]] = {}


def parse_form(model: type[Form], data: Mapping[str, object]) -> Form:
    """``data`` as the model wants it, or InvalidInput with one sentence per field in error."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems: dict[str, str] = {}
        for issue in error.errors():
            field = str(issue["loc"][0]) if issue["loc"] else "form"
            problems.setdefault(field, _one_thing_wrong(model, field, issue))
        raise InvalidInput(problems) from error


def _one_thing_wrong(model: type[PortalForm], field: str, issue: Any) -> str:
    """The sentence that says what is wrong with this value; the field's own sentence says what to type."""
    if issue["type"] in TEXT_PROBLEMS or issue["type"] == ONE_THING:
        return str(issue["msg"])
    if issue["type"] in ("string_too_long", "too_long") and isinstance(issue.get("input"), str):
        limit = issue.get("ctx", {}).get("max_length")
        return f"Keep this to {limit:,} characters or fewer; it has {len(issue['input']):,}."
    return model.messages.get(field, str(issue["msg"]))


# Addresses are compared lower-cased everywhere: one contact per address, whatever the capitals.
WorkEmail = Annotated[EmailStr, AfterValidator(str.lower), Field(max_length=254)]


# Words that are console paths under /admin/partners/, never ids.
RESERVED_IDS = frozenset({"new", "edit", "contacts", "questions"})


def _not_reserved(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError("reserved")
    return value


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$"), AfterValidator(_not_reserved)]


Name = Annotated[SingleLine, StringConstraints(min_length=1, max_length=120)]


ShortText = Annotated[SingleLine, StringConstraints(max_length=60)]


def blank_is_none(value: str | None) -> str | None:
    return value or None


OptionalShortText = Annotated[ShortText | None, AfterValidator(blank_is_none)]


OptionalNote = Annotated[
    Annotated[Paragraphs, StringConstraints(max_length=1000)] | None, AfterValidator(blank_is_none)
]


OptionalText200 = Annotated[
    Annotated[SingleLine, StringConstraints(max_length=200)] | None, AfterValidator(blank_is_none)
]


def money(what: str, largest_cents: int, *, optional: bool = False) -> BeforeValidator:
    """A field of US dollars as typed ("12,500.50", "$80") in cents: more than 0, at most ``largest_cents``
    (or None when ``optional`` and left empty)."""

    def in_cents(value: object) -> int | None:
        text = "" if value is None else str(value).strip().replace(",", "").removeprefix("$")
        if not text and optional:
            return None
        if not text:
            raise PydanticCustomError(ONE_THING, f"Enter {what} in US dollars, like 12500.50.")
        if not re.fullmatch(r"[0-9]{1,13}(\.[0-9]{1,2})?", text):
            raise PydanticCustomError(ONE_THING, "Type the amount in digits, with at most two decimals, like 12500.50.")
        cents = int(Decimal(text) * 100)
        if cents <= 0:
            raise PydanticCustomError(ONE_THING, "The amount must be more than 0.")
        if cents > largest_cents:
            raise PydanticCustomError(ONE_THING, f"The amount can be at most ${largest_cents // 100:,}.")
        return cents

    return BeforeValidator(in_cents)


class DecisionForm(PortalForm):
    """Approve or reject, with a note to the partner that a rejection needs (it tells them why)."""

    messages: ClassVar[dict[str, str]] = {
        "decision": "Choose to approve or reject.",
        "note": "Keep the note under 1,000 characters; a rejection needs one, to tell the partner why.",
    }
    decision: Literal["approve", "reject"]
    note: OptionalNote = Field(default=None, validate_default=True)  # checked even when the field is left out

    @field_validator("note", mode="after")
    @classmethod
    def _rejections_say_why(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("decision") == "reject" and not value:
            raise ValueError("a rejection needs a note")
        return value


class VersionForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"version": "This form is out of date. Reload the page and try again."}
    version: int
