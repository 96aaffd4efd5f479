"""Pydantic models for every form, and the one function that turns a bad form into InvalidInput."""

from __future__ import annotations

from typing import Annotated, ClassVar, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from portside.errors import InvalidInput

Form = TypeVar("Form", bound="PortalForm")


class PortalForm(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")
    # One sentence per field that tells a person what to type; pydantic's wording is the fallback.
    messages: ClassVar[dict[str, str]] = {}


def parse_form(model: type[Form], data: dict[str, str]) -> Form:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems: dict[str, str] = {}
        for issue in error.errors():
            field = str(issue["loc"][0]) if issue["loc"] else "form"
            problems.setdefault(field, model.messages.get(field, issue["msg"]))
        raise InvalidInput(problems) from error


def _lower(value: str) -> str:
    return value.lower()


class SignInLinkForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"email": "Enter your work email, like name@company.com."}
    email: EmailStr = Field(max_length=254)
    next: str | None = Field(default=None, max_length=500)

    _normalise = field_validator("email")(classmethod(lambda cls, value: _lower(value)))


class CodeSignInForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "email": "Enter the email the code was sent to.",
        "code": "Type the 6 digits from the mail.",
    }
    email: EmailStr = Field(max_length=254)
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]

    _normalise = field_validator("email")(classmethod(lambda cls, value: _lower(value)))


class MagicLinkForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"token": "This sign-in link is incomplete. Open it again from the mail."}
    token: Annotated[str, StringConstraints(min_length=20, max_length=100)]
