"""Deal registration, its decision, and the console's deal filters."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    StringConstraints,
    field_validator,
)
from pydantic_core import PydanticCustomError

from portside import clock
from portside.web.forms.base import (
    ONE_THING,
    DecisionForm,
    Name,
    PortalForm,
    Slug,
    blank_is_none,
    money,
)
from portside.web.forms.text import Paragraphs

MAX_DEAL_CENTS = 1_000_000_000 * 100


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
    amount: Annotated[int, money("the expected amount", MAX_DEAL_CENTS)]
    close_date: Annotated[date | None, AfterValidator(_not_in_the_past)] = None
    description: Annotated[Paragraphs, StringConstraints(min_length=1, max_length=4000)]
    submission_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]

    @field_validator("customer_domain", "close_date", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return value or None


class DealDecisionForm(DecisionForm):
    """Approve or reject a deal registration."""


class DealListFilter(PortalForm):
    """The console's deal list: one state across partners, or one partner's deals in any state."""

    messages: ClassVar[dict[str, str]] = {
        "state": "Choose pending, approved, rejected or expired; all states need a partner.",
        "partner": "Choose a partner from the list.",
    }
    state: Literal["pending", "approved", "rejected", "expired", "all"] = "pending"
    partner: Annotated[Slug | None, BeforeValidator(blank_is_none)] = None

    @field_validator("state", mode="before")
    @classmethod
    def _empty_is_pending(cls, value: object) -> object:
        return value or "pending"
