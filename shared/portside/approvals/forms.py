"""Pricing and credit requests: the principal's two kinds of request, and finance's decision."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from portside import clock
from portside.web.forms.base import ONE_THING, DecisionForm, PortalForm, blank_is_none, money
from portside.web.forms.text import Paragraphs, SingleLine

MAX_UNIT_PRICE_CENTS = 10_000_000 * 100
MAX_CREDIT_CENTS = 1_000_000_000 * 100
SUBMISSION_ID = r"^[0-9a-f]{32}$"
ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]


def _after_today(value: date | None) -> date | None:
    if value is not None and value <= clock.now().date():
        raise PydanticCustomError(ONE_THING, "Choose a day after today, or leave it empty for no end.")
    return value


LaterDay = Annotated[date | None, BeforeValidator(blank_is_none), AfterValidator(_after_today)]
Reason = Annotated[Paragraphs, StringConstraints(min_length=1, max_length=2000)]


class RequestTypeForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"request_type": "Choose a special price or a credit limit."}
    request_type: Literal["special_price", "credit_limit"]


class SpecialPriceForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "sku": "Enter the SKU as it is on your price list (up to 64 characters).",
        "requested_price": "Enter the unit price you ask for in US dollars, like 80 or 79.50.",
        "quantity": "Enter how many units, a whole number from 1 to 1,000,000.",
        "deal_id": "Choose one of your deals from the list, or none.",
        "valid_until": "Choose a day after today from the calendar, or leave it empty for no end.",
        "reason": "Say why in up to 2,000 characters: the customer, the competition, the volume.",
        "submission_id": "This form has expired. Open a new request form and try again.",
    }
    sku: Annotated[SingleLine, StringConstraints(min_length=1, max_length=64)]
    requested_price: Annotated[int, money("the unit price you ask for", MAX_UNIT_PRICE_CENTS)]
    quantity: Annotated[int, Field(ge=1, le=1_000_000)]
    deal_id: Annotated[ItemId | None, BeforeValidator(blank_is_none)] = None
    valid_until: LaterDay = None
    reason: Reason
    submission_id: Annotated[str, StringConstraints(pattern=SUBMISSION_ID)]


class CreditLimitForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "requested_limit": "Enter the credit limit you ask for in US dollars, like 150000.",
        "reason": "Say why in up to 2,000 characters: your expected orders, your payment record.",
        "attachment": "The supporting file was not recognised. Upload it again, or leave it out.",
        "submission_id": "This form has expired. Open a new request form and try again.",
    }
    requested_limit: Annotated[int, money("the credit limit you ask for", MAX_CREDIT_CENTS)]
    reason: Reason
    # The key S3 stored the supporting file under, when one was uploaded first.
    attachment: Annotated[
        Annotated[SingleLine, StringConstraints(max_length=1024)] | None, AfterValidator(blank_is_none)
    ] = None
    submission_id: Annotated[str, StringConstraints(pattern=SUBMISSION_ID)]


class RequestDecisionForm(DecisionForm):
    """Finance's decision. Empty grants give what was asked; ``version`` is the request's as the page read it."""

    messages: ClassVar[dict[str, str]] = {
        **DecisionForm.messages,
        "granted_price": "Enter the unit price to grant in US dollars, or leave it empty to grant what was asked.",
        "granted_limit": "Enter the credit limit to grant in US dollars, or leave it empty to grant what was asked.",
        "granted_until": "Choose the last day of the special price (after today), or leave it empty.",
        "version": "This page is out of date. Reload it and decide again.",
    }
    granted_price: Annotated[int | None, money("the unit price to grant", MAX_UNIT_PRICE_CENTS, optional=True)] = None
    granted_limit: Annotated[int | None, money("the credit limit to grant", MAX_CREDIT_CENTS, optional=True)] = None
    granted_until: LaterDay = None
    version: int
