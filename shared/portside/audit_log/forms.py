"""The audit log's filters, read from the query string."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from portside.web.forms.base import OptionalText200, PortalForm

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
