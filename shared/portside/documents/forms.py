"""Documents: a space's name, description and who may see it; saving an upload; archiving."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, Field, StringConstraints

from portside.web.forms.base import Name, OptionalNote, PortalForm, VersionForm, blank_is_none
from portside.web.forms.text import SingleLine

PartnerId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$")]


class SpaceForm(PortalForm):
    """``partner_ids`` and ``roles`` are groups of checkboxes: the handler passes every value sent."""

    messages: ClassVar[dict[str, str]] = {
        "name": "Give the space a name, like Price lists (up to 120 characters).",
        "description": "Keep the description under 1,000 characters.",
        "partners": "Choose all partners, or the partners listed.",
        "partner_ids": "Choose partners from the list, or all partners.",
        "roles": "Choose at least one role: principal, salesperson or technical.",
        "requires_module": "Choose a published training module from the list, or none.",
    }
    name: Name
    description: OptionalNote = None
    partners: Literal["all", "chosen"] = "all"
    partner_ids: list[PartnerId] = Field(default_factory=list, max_length=500)
    roles: list[Literal["principal", "salesperson", "technical"]] = Field(min_length=1)
    requires_module: Annotated[
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")] | None, BeforeValidator(blank_is_none)
    ] = None


class SpaceEditForm(SpaceForm, VersionForm):
    messages: ClassVar[dict[str, str]] = {**SpaceForm.messages, **VersionForm.messages}


class DocumentUploadForm(PortalForm):
    """Saving a file the browser uploaded to S3: its title, and the key S3 stored it under."""

    messages: ClassVar[dict[str, str]] = {
        "title": "Give the document a title, like Price list 2027 (up to 200 characters).",
        "upload_key": "Choose the file again and upload it.",
        "notify": "Tick the box to mail the contacts, or leave it empty.",
    }
    title: Annotated[SingleLine, StringConstraints(min_length=1, max_length=200)]
    upload_key: Annotated[SingleLine, StringConstraints(min_length=1, max_length=1024)]
    notify: Literal["yes"] | None = None  # "Tell the contacts who can see it"


class DocumentArchiveForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"archived": "Choose archive or restore."}
    archived: Literal["yes", "no"]
