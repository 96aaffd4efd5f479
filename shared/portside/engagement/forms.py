"""Engagement's forms: whom a nudge is for."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import StringConstraints, field_validator

from portside.web.forms.base import PortalForm


class CertificateNudgeForm(PortalForm):
    """One contact's certificate of one module, to renew."""

    messages: ClassVar[dict[str, str]] = {"contact_id": "Choose a contact.", "module_id": "Choose a certificate."}
    contact_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]{1,64}$")]
    module_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]


class NudgeForm(PortalForm):
    """One contact (``contact_id``) or a whole list (``group``: invited, quiet for 30 days or dormant for 90)."""

    messages: ClassVar[dict[str, str]] = {"contact_id": "Choose a contact.", "group": "Choose the list to nudge."}
    contact_id: Annotated[str | None, StringConstraints(pattern=r"^[A-Za-z0-9-]{1,64}$")] = None
    group: Literal["invited", "quiet", "dormant"] | None = None

    @field_validator("contact_id", "group", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return value or None
