"""The settings' forms: a brand (the tenant's, or a partner's override) and the tenant's rules."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, field_validator

from portside.settings.colours import readable_under_white_text
from portside.web.forms.base import Name, OptionalText200, PortalForm, WorkEmail, blank_is_none, money
from portside.web.forms.text import SingleLine


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
    deal_registration_module: Annotated[
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")] | None, BeforeValidator(blank_is_none)
    ] = None
    version: int

    @field_validator("logo_upload", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return value or None


class TenantSettingsForm(PortalForm):
    """The owner's tenant settings; ``version`` is the tenant's when the form was read."""

    messages: ClassVar[dict[str, str]] = {
        "support_email": "Enter the address partners write to for help, like partners@company.com, or leave it empty.",
        "support_phone": "Keep the phone number under 40 characters, like +1 555 0100, or leave it empty.",
        "sign_in_link_minutes": "Choose a whole number of minutes from 10 to 30.",
        "session_days": "Choose a whole number of days from 1 to 30.",
        "session_idle_minutes": "Choose a whole number of minutes from 15 to 1440, or leave it empty for none.",
        "deal_protection_days": "Choose a whole number of days from 1 to 365.",
        "second_approval_discount_percent": "Choose a whole percentage from 0 to 100, or leave it empty for none.",
        "second_approval_credit_change": "Enter an amount in US dollars, like 50000, or leave it empty for none.",
        "deal_registration_module": "Choose a published training module from the list, or none.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    support_email: Annotated[WorkEmail | None, BeforeValidator(blank_is_none)] = None
    support_phone: Annotated[
        Annotated[SingleLine, StringConstraints(max_length=40, pattern=r"^[0-9+() .-]*$")] | None,
        AfterValidator(blank_is_none),
    ] = None
    sign_in_link_minutes: Annotated[int, Field(ge=10, le=30)]
    session_days: Annotated[int, Field(ge=1, le=30)]
    session_idle_minutes: Annotated[int | None, Field(ge=15, le=1440), BeforeValidator(blank_is_none)] = None
    deal_protection_days: Annotated[int, Field(ge=1, le=365)]
    salespeople_see_only_own_deals: bool = False
    stock_quantities_shown: bool = False
    second_approval_discount_percent: Annotated[int | None, Field(ge=0, le=100), BeforeValidator(blank_is_none)] = None
    second_approval_credit_change: Annotated[
        int | None, money("the credit change", 1_000_000_000 * 100, optional=True)
    ] = None
    deal_registration_module: Annotated[
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")] | None, BeforeValidator(blank_is_none)
    ] = None
    version: int
