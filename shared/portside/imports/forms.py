"""Imports: starting the import of an uploaded file as one kind of ERP data."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints

from portside.imports.models import IMPORT_KINDS
from portside.web.forms.base import Name, PortalForm
from portside.web.forms.text import SingleLine

Kind = Literal["orders", "stock", "prices", "accounts"]
DEFAULT_KEY_KINDS = ("orders", "stock")


class ImportStartForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "kind": "Choose what the file holds: orders, stock, prices or accounts.",
        "upload_key": "Choose the file again and upload it.",
    }
    kind: Kind
    upload_key: Annotated[SingleLine, StringConstraints(min_length=1, max_length=1024)]


class ImportKeyForm(PortalForm):
    """``kinds`` is a group of checkboxes (the handler passes every value sent); none ticked is orders and stock."""

    messages: ClassVar[dict[str, str]] = {
        "name": "Name the key after the system that uses it, like SAP production.",
        "kinds": "Choose what the key may push: orders, stock, prices or accounts.",
    }
    name: Name
    kinds: list[Kind] = Field(default_factory=list, max_length=4)

    @property
    def pushes(self) -> list[str]:
        return sorted(set(self.kinds), key=IMPORT_KINDS.index) or list(DEFAULT_KEY_KINDS)


class ImportDecisionForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"decision": "Choose to approve or to decline the import."}
    decision: Literal["approve", "decline"]
