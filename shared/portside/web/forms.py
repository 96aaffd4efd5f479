"""Pydantic models for every form, and the one function that turns a bad form into InvalidInput."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    ValidationError,
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


# Addresses are compared lower-cased everywhere: one contact per address, whatever the capitals.
WorkEmail = Annotated[EmailStr, AfterValidator(str.lower), Field(max_length=254)]


class SignInLinkForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"email": "Enter your work email, like name@company.com."}
    email: WorkEmail
    next: str | None = Field(default=None, max_length=500)


class CodeSignInForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "email": "Enter the email the code was sent to.",
        "code": "Type the 6 digits from the mail.",
    }
    email: WorkEmail
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]


class MagicLinkForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"token": "This sign-in link is incomplete. Open it again from the mail."}
    token: Annotated[str, StringConstraints(min_length=20, max_length=100)]


class InviteForm(PortalForm):
    """A new contact for a partner: the CLI now, the admin console's form later."""

    messages: ClassVar[dict[str, str]] = {
        "email": "Enter the contact's work email, like name@company.com.",
        "name": "Enter the contact's name (up to 120 characters).",
        "role": "Choose principal, salesperson or technical.",
    }
    email: WorkEmail
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    role: Literal["principal", "salesperson", "technical"]


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")]


class TenantForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "tenant_id": "Use 2 to 63 lower-case letters, digits or dashes, like northwind.",
        "name": "Enter the company's name (up to 120 characters).",
        "base_url": "Enter the portal's address, like https://partners.northwind.example.",
        "hostnames": "Give at least one hostname, like partners.northwind.example.",
    }
    tenant_id: Slug
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    base_url: Annotated[str, StringConstraints(pattern=r"^https?://[a-z0-9.-]+(:[0-9]+)?/?$")]
    hostnames: Annotated[list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9.-]+$")]], Field(min_length=1)]


class PartnerForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "partner_id": "Use 2 to 63 lower-case letters, digits or dashes, like acme.",
        "name": "Enter the partner's name (up to 120 characters).",
    }
    partner_id: Slug
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
