"""Documents: a space's name, description and who may see it."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints

from portside.web.forms.base import Name, OptionalNote, PortalForm, VersionForm

PartnerId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$")]


class SpaceForm(PortalForm):
    """``partner_ids`` and ``roles`` are groups of checkboxes: the handler passes every value sent."""

    messages: ClassVar[dict[str, str]] = {
        "name": "Give the space a name, like Price lists (up to 120 characters).",
        "description": "Keep the description under 1,000 characters.",
        "partners": "Choose all partners, or the partners listed.",
        "partner_ids": "Choose partners from the list, or all partners.",
        "roles": "Choose at least one role: principal, salesperson or technical.",
    }
    name: Name
    description: OptionalNote = None
    partners: Literal["all", "chosen"] = "all"
    partner_ids: list[PartnerId] = Field(default_factory=list, max_length=500)
    roles: list[Literal["principal", "salesperson", "technical"]] = Field(min_length=1)


class SpaceEditForm(SpaceForm, VersionForm):
    messages: ClassVar[dict[str, str]] = {**SpaceForm.messages, **VersionForm.messages}
