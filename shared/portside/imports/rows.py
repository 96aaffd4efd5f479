"""The checks of an ERP import's rows, kind by kind, with pydantic (the columns are in ``columns``).

A bad row is reported with its line, column and reason, and the rest of the file goes on. Amounts
are written as decimals (``1200.00``) and kept in minor units; dates as ``YYYY-MM-DD``. Only the
import worker loads this module: the console's pages need the columns, not the checks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError, model_validator

from portside.lookups.models.orders import ORDER_STATUSES
from portside.text import has_control_characters

ID_RULE = "letters, digits and . _ / - only, at most 64"
Id = Annotated[str, AfterValidator(lambda value: _matches(value, r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$", ID_RULE))]


def _matches(value: str, pattern: str, rule: str) -> str:
    if not re.fullmatch(pattern, value):
        raise ValueError(rule)
    return value


def _blank_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _minor_units(value: Any) -> int:
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation as error:
        raise ValueError("an amount like 1200.00") from error
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")) or amount > 10**12:
        raise ValueError("an amount like 1200.00, with at most two decimals and not negative")
    return int(amount * 100)


Money = Annotated[int, BeforeValidator(_minor_units)]
OptionalMoney = Annotated[Money | None, BeforeValidator(_blank_is_none)]
Text = Annotated[str, AfterValidator(lambda value: _text(value, 200))]
OptionalText = Annotated[Text | None, BeforeValidator(_blank_is_none)]
Note = Annotated[
    str | None, BeforeValidator(_blank_is_none), AfterValidator(lambda value: value and _text(value, 2000))
]
OptionalDate = Annotated[date | None, BeforeValidator(_blank_is_none)]
Count = Annotated[int, AfterValidator(lambda value: _bounded(value, 0, 10**9))]
OptionalCount = Annotated[Count | None, BeforeValidator(_blank_is_none)]
Currency = Annotated[str, AfterValidator(lambda value: _matches(value, r"^[A-Z]{3}$", "a currency code like USD"))]


def _text(value: str, limit: int) -> str:
    if has_control_characters(value) or len(value) > limit:
        raise ValueError(f"one line of at most {limit} characters")
    return value


def _bounded(value: int, low: int, high: int) -> int:
    if not low <= value <= high:
        raise ValueError(f"a whole number from {low} to {high}")
    return value


class Row(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


class OrderRow(Row):
    """One line of an order; the order's own columns repeat on each of its lines."""

    order_number: Id
    po_number: OptionalText = None
    partner_id: Id
    status: Literal[ORDER_STATUSES]  # type: ignore[valid-type]
    placed_on: date
    eta: OptionalDate = None
    carrier: OptionalText = None
    tracking_number: OptionalText = None
    currency: Currency = "USD"
    sku: Id
    description: Text
    quantity: Count
    unit_price: Money
    unit_cost: OptionalMoney = None
    margin: OptionalMoney = None
    supplier: OptionalText = None
    internal_notes: Note = None


class StockRow(Row):
    sku: Id
    name: Text
    category: OptionalText = None
    available: Count
    next_delivery_on: OptionalDate = None
    next_delivery_quantity: OptionalCount = None
    cost_price: OptionalMoney = None
    supplier: OptionalText = None
    supplier_sku: OptionalText = None


class PriceRow(Row):
    """A tier's price (``tier`` set) or one partner's own (``partner_id`` set): exactly one of the two."""

    sku: Id
    product_name: OptionalText = None
    tier: Annotated[Id | None, BeforeValidator(_blank_is_none)] = None
    partner_id: Annotated[Id | None, BeforeValidator(_blank_is_none)] = None
    list_price: Money
    price: Money
    currency: Currency = "USD"
    min_quantity: Count = 1
    valid_from: date
    valid_to: OptionalDate = None

    @model_validator(mode="after")
    def one_scope(self) -> PriceRow:
        if (self.tier is None) == (self.partner_id is None):
            raise ValueError("give a tier or a partner_id, not both and not neither")
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self

    @property
    def scope(self) -> str:
        return f"tier:{self.tier.casefold()}" if self.tier else f"partner:{self.partner_id}"


class AccountRow(Row):
    partner_id: Id
    credit_limit: Money
    balance: Money
    currency: Currency = "USD"
    payment_terms: OptionalText = None


ROW_MODELS: dict[str, type[Row]] = {"orders": OrderRow, "stock": StockRow, "prices": PriceRow, "accounts": AccountRow}


def parse_row(kind: str, values: dict[str, str]) -> tuple[Row | None, list[tuple[str, str]]]:
    """The row checked, or its problems as ``(column, reason)``."""
    try:
        return ROW_MODELS[kind].model_validate(values), []
    except ValidationError as error:
        problems = []
        for issue in error.errors(include_url=False):
            column = str(issue["loc"][0]) if issue["loc"] else "(row)"
            problems.append((column, said(column, issue)))
        return None, problems


# A column as a sentence names it, where its name capitalised would not do ("Sku").
NAMES = {"sku": "SKU", "po_number": "PO number", "eta": "ETA", "supplier_sku": "Supplier SKU"}
# What a column must hold, by pydantic's error type, in the words a person fixing the file reads.
RULES = {
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "int_type": "a whole number",
    "date_parsing": "a date like 2026-12-31",
    "date_from_datetime_parsing": "a date like 2026-12-31",
    "date_from_datetime_inexact": "a date like 2026-12-31",
    "string_type": "text",
    "literal_error": "one of the template's values",
}


def said(column: str, issue: Mapping[str, Any]) -> str:
    """One problem in plain words, with what the row holds: 'Quantity must be a whole number; this row has "12.5"'."""
    name = NAMES.get(column, column.replace("_", " ").capitalize())
    kind = str(issue.get("type", ""))
    given = issue.get("input")
    shown = f'; this row has "{str(given)[:40]}"' if isinstance(given, str) and given.strip() else ""
    if kind == "missing" or (isinstance(given, str) and not given.strip() and kind != "value_error"):
        return f"{name} is empty: the template's example row shows what goes here"
    if kind == "value_error":
        return f"{name} must be {str(issue['msg']).removeprefix('Value error, ')}{shown}"
    if kind in RULES:
        return f"{name} must be {RULES[kind]}{shown}"
    return f"{name}: {issue['msg']}{shown}"
