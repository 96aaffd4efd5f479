"""Imports: starting the import of an uploaded file as one kind of ERP data."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import StringConstraints

from portside.web.forms.base import Name, PortalForm
from portside.web.forms.text import SingleLine


class ImportStartForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "kind": "Choose what the file holds: orders, stock, prices or accounts.",
        "upload_key": "Choose the file again and upload it.",
    }
    kind: Literal["orders", "stock", "prices", "accounts"]
    upload_key: Annotated[SingleLine, StringConstraints(min_length=1, max_length=1024)]


class ImportKeyForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"name": "Name the key after the system that uses it, like SAP production."}
    name: Name
