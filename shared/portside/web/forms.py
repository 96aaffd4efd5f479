"""Pydantic models for every form, and the one function that turns a bad form into InvalidInput."""

from __future__ import annotations

import re
from datetime import date
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

from portside import clock
from portside.domain.colours import readable_under_white_text
from portside.errors import InvalidInput
from portside.text import TEXT_PROBLEMS, Paragraphs, SingleLine

Form = TypeVar("Form", bound="PortalForm")
ONE_THING = "one_thing"  # a validator's own sentence for the one thing wrong with a value


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


class SignInLinkForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"email": "Enter your work email, like name@company.com."}
    email: WorkEmail
    next: SingleLine | None = Field(default=None, max_length=500)


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
    """A new contact for a partner, from the admin console or the ``portside invite`` command."""

    messages: ClassVar[dict[str, str]] = {
        "email": "Enter the contact's work email, like name@company.com.",
        "name": "Enter the contact's name (up to 120 characters).",
        "role": "Choose principal, salesperson or technical.",
    }
    email: WorkEmail
    name: Name
    role: Literal["principal", "salesperson", "technical"]


# Words that are console paths under /admin/partners/, never ids.
RESERVED_IDS = frozenset({"new", "edit", "contacts", "questions"})


def _not_reserved(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError("reserved")
    return value


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$"), AfterValidator(_not_reserved)]
Name = Annotated[SingleLine, StringConstraints(min_length=1, max_length=120)]
ShortText = Annotated[SingleLine, StringConstraints(max_length=60)]


def _blank_is_none(value: str | None) -> str | None:
    return value or None


OptionalShortText = Annotated[ShortText | None, AfterValidator(_blank_is_none)]
OptionalNote = Annotated[
    Annotated[Paragraphs, StringConstraints(max_length=1000)] | None, AfterValidator(_blank_is_none)
]
OptionalText200 = Annotated[
    Annotated[SingleLine, StringConstraints(max_length=200)] | None, AfterValidator(_blank_is_none)
]


class TenantForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "tenant_id": "Use 2 to 63 lower-case letters, digits or dashes, like northwind.",
        "name": "Enter the company's name (up to 120 characters).",
        "base_url": "Enter the portal's address, like https://partners.northwind.example.",
        "hostnames": "Give at least one hostname, like partners.northwind.example.",
    }
    tenant_id: Slug
    name: Name
    base_url: Annotated[str, StringConstraints(pattern=r"^https?://[a-z0-9.-]+(:[0-9]+)?/?$")]
    hostnames: Annotated[list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9.-]+$")]], Field(min_length=1)]


class PartnerDetailsForm(PortalForm):
    """What an admin edits of a partner; ``version`` is the one the form was read at."""

    messages: ClassVar[dict[str, str]] = {
        "name": "Enter the partner's name (up to 120 characters).",
        "tier": "Keep the tier under 60 characters, like Gold.",
        "territory": "Keep the territory under 60 characters, like EMEA.",
        "status": "Choose active, prospect or inactive.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    name: Name
    tier: OptionalShortText = None
    territory: OptionalShortText = None
    status: Literal["active", "prospect", "inactive"] = "active"
    version: int = 0


class PartnerForm(PartnerDetailsForm):
    """A new partner: its details and the id that names it in addresses (``/admin/partners/acme``)."""

    messages: ClassVar[dict[str, str]] = {
        **PartnerDetailsForm.messages,
        "partner_id": "Use 2 to 63 lower-case letters, digits or dashes, like acme (not a word like new).",
    }
    partner_id: Slug


class ContactRoleForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "role": "Choose principal, salesperson or technical.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    role: Literal["principal", "salesperson", "technical"]
    version: int


class ContactStatusForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "enabled": "Choose to enable or disable the contact.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    enabled: bool
    version: int


class AdminMemberForm(PortalForm):
    """Someone to give a tenant's console: the ``portside admin`` command."""

    messages: ClassVar[dict[str, str]] = {
        "email": "Enter the admin's work email, like name@company.com.",
        "role": "Choose owner, ops, finance or auditor.",
    }
    email: WorkEmail
    role: Literal["owner", "ops", "finance", "auditor"]


class AdminSignInForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "email": "Enter the email you sign in with, like name@company.com.",
        "password": "Enter your password.",
    }
    email: WorkEmail
    password: Annotated[str, StringConstraints(min_length=1, max_length=256, strip_whitespace=False)]
    next: SingleLine | None = Field(default=None, max_length=500)


class AdminChallengeForm(PortalForm):
    """One answer to a Cognito challenge: what every step carries back."""

    messages: ClassVar[dict[str, str]] = {
        "code": "Type the 6 digits your authenticator app shows now.",
        "new_password": "Choose a password of at least 14 characters with upper and lower case, a digit and a symbol.",
        "session": "This sign-in took too long. Start again.",
        "email": "This sign-in took too long. Start again.",
    }
    email: WorkEmail
    # Cognito's own bounds for a challenge session: anything else never came from it.
    session: Annotated[str, StringConstraints(min_length=20, max_length=2048, pattern=r"^[\x21-\x7e]+$")]
    next: SingleLine | None = Field(default=None, max_length=500)


class AdminCodeAnswer(AdminChallengeForm):
    """SOFTWARE_TOKEN_MFA and MFA_SETUP: the authenticator's current code."""

    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]


class AdminNewPasswordAnswer(AdminChallengeForm):
    """NEW_PASSWORD_REQUIRED: the password that replaces the temporary one (Cognito applies its policy too)."""

    new_password: Annotated[str, StringConstraints(min_length=14, max_length=256, strip_whitespace=False)]


# Days a log can hold: a filter outside them finds nothing, and the day after 9999-12-31 does not exist.
LogDay = Annotated[date, Field(ge=date(2000, 1, 1), le=date(2199, 12, 31))]


class AuditFilterForm(PortalForm):
    """The audit log's filters, from the query string; every one optional."""

    messages: ClassVar[dict[str, str]] = {
        "actor": "Choose who did it from the list.",
        "action": "Choose an action from the list.",
        "target": "Type part of a name or an id, up to 200 characters.",
        "since": "Give the first day as YYYY-MM-DD, between 2000 and 2199.",
        "until": "Give the last day as YYYY-MM-DD, between 2000 and 2199 and not before the first.",
    }
    actor: OptionalText200 = None
    action: Annotated[str | None, StringConstraints(pattern=r"^[a-z_]+(\.[a-z_]*)*$", max_length=100)] = None
    target: OptionalText200 = None
    since: LogDay | None = None
    until: LogDay | None = None

    @field_validator("action", "since", "until", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return value or None

    @field_validator("until")
    @classmethod
    def _not_before_since(cls, value: date | None, info: ValidationInfo) -> date | None:
        since = info.data.get("since")
        if value and since and value < since:
            raise ValueError("before since")
        return value


class NudgeForm(PortalForm):
    """One contact (``contact_id``) or a whole list (``group``: invited or dormant)."""

    messages: ClassVar[dict[str, str]] = {"contact_id": "Choose a contact.", "group": "Choose the list to nudge."}
    contact_id: Annotated[str | None, StringConstraints(pattern=r"^[A-Za-z0-9-]{1,64}$")] = None
    group: Literal["invited", "dormant"] | None = None

    @field_validator("contact_id", "group", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return value or None


class AccessReviewForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"note": "Keep the note under 1,000 characters."}
    note: OptionalNote = None


def _readable_under_white_text(value: str) -> str:
    if not readable_under_white_text(value):
        raise ValueError("too light for white text")
    return value.lower()


class BrandForm(PortalForm):
    """A brand (the tenant's, or a partner's override); ``version`` is the one the form was read at."""

    messages: ClassVar[dict[str, str]] = {
        "name": "Enter the name shown on every page (up to 120 characters).",
        "primary_colour": "Choose a colour like #0f5b7a, dark enough for white text on it (contrast 4.5:1 or more).",
        "footer_text": "Keep the footer under 200 characters.",
        "logo_upload": "Upload the logo again, then save.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    name: Name
    primary_colour: Annotated[
        str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"), AfterValidator(_readable_under_white_text)
    ]
    footer_text: OptionalText200 = None
    logo_upload: Annotated[str | None, StringConstraints(pattern=r"^[0-9a-f]{32}$")] = None
    remove_logo: bool = False
    version: int

    @field_validator("logo_upload", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return value or None


class VersionForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"version": "This form is out of date. Reload the page and try again."}
    version: int


MAX_DEAL_CENTS = 1_000_000_000 * 100


def _amount_in_cents(value: object) -> int:
    """ "12,500.50" -> 1250050: positive, at most 1,000,000,000, at most two decimals."""
    text = str(value).strip().replace(",", "").removeprefix("$")
    if not text:
        raise PydanticCustomError(ONE_THING, "Enter the expected amount in US dollars, like 12500.50.")
    if not re.fullmatch(r"[0-9]{1,13}(\.[0-9]{1,2})?", text):
        raise PydanticCustomError(ONE_THING, "Type the amount in digits, with at most two decimals, like 12500.50.")
    amount = Decimal(text)
    if amount <= 0:
        raise PydanticCustomError(ONE_THING, "The amount must be more than 0.")
    cents = int(amount * 100)
    if cents > MAX_DEAL_CENTS:
        raise PydanticCustomError(ONE_THING, "The amount can be at most $1,000,000,000.")
    return cents


def _not_in_the_past(value: date | None) -> date | None:
    if value is not None and value < clock.now().date():
        raise PydanticCustomError(ONE_THING, "The close date cannot be in the past: choose today or a later day.")
    return value


class DealForm(PortalForm):
    """A deal registration; ``submission_id`` names the form it came from (one deal however often it is posted)."""

    messages: ClassVar[dict[str, str]] = {
        "customer_name": "Enter the customer's company name (up to 120 characters).",
        "customer_domain": "Enter the customer's email domain like customer.com, or leave it empty.",
        "title": "Enter a short title for the deal (up to 120 characters).",
        "amount": "Enter the expected amount in US dollars, more than 0 and at most 1,000,000,000, like 12500.50.",
        "close_date": "Choose a close date from the calendar (today or later), or leave it empty.",
        "description": "Describe the deal in up to 4,000 characters.",
        "submission_id": "This form has expired. Open a new registration form and try again.",
    }
    customer_name: Name
    customer_domain: Annotated[
        str | None,
        StringConstraints(to_lower=True, max_length=253, pattern=r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"),
    ] = None
    title: Name
    amount: Annotated[int, BeforeValidator(_amount_in_cents)]
    close_date: Annotated[date | None, AfterValidator(_not_in_the_past)] = None
    description: Annotated[Paragraphs, StringConstraints(min_length=1, max_length=4000)]
    submission_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]

    @field_validator("customer_domain", "close_date", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return value or None


class DealDecisionForm(PortalForm):
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


class TenantSettingsForm(PortalForm):
    """The owner's tenant settings; ``version`` is the tenant's when the form was read."""

    messages: ClassVar[dict[str, str]] = {
        "support_email": "Enter the address partners write to for help, like partners@company.com, or leave it empty.",
        "support_phone": "Keep the phone number under 40 characters, like +1 555 0100, or leave it empty.",
        "sign_in_link_minutes": "Choose a whole number of minutes from 10 to 30.",
        "session_days": "Choose a whole number of days from 1 to 30.",
        "session_idle_minutes": "Choose a whole number of minutes from 15 to 1440, or leave it empty for none.",
        "deal_protection_days": "Choose a whole number of days from 1 to 365.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    support_email: Annotated[WorkEmail | None, BeforeValidator(_blank_is_none)] = None
    support_phone: Annotated[
        Annotated[SingleLine, StringConstraints(max_length=40, pattern=r"^[0-9+() .-]*$")] | None,
        AfterValidator(_blank_is_none),
    ] = None
    sign_in_link_minutes: Annotated[int, Field(ge=10, le=30)]
    session_days: Annotated[int, Field(ge=1, le=30)]
    session_idle_minutes: Annotated[int | None, Field(ge=15, le=1440), BeforeValidator(_blank_is_none)] = None
    deal_protection_days: Annotated[int, Field(ge=1, le=365)]
    salespeople_see_only_own_deals: bool = False
    version: int


class DealListFilter(PortalForm):
    """The console's deal list: one state across partners, or one partner's deals in any state."""

    messages: ClassVar[dict[str, str]] = {
        "state": "Choose pending, approved, rejected or expired; all states need a partner.",
        "partner": "Choose a partner from the list.",
    }
    state: Literal["pending", "approved", "rejected", "expired", "all"] = "pending"
    partner: Annotated[Slug | None, BeforeValidator(_blank_is_none)] = None

    @field_validator("state", mode="before")
    @classmethod
    def _empty_is_pending(cls, value: object) -> object:
        return value or "pending"
