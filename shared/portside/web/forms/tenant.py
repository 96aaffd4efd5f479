"""A tenant as the command line sets one up (the form of portside tenant create)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints

from portside.web.forms.base import Name, PortalForm, Slug


class TenantForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "tenant_id": "Use 2 to 63 lower-case letters, digits or dashes, like northwind.",
        "name": "Enter the company's name (up to 120 characters).",
        "base_url": "Enter the portal's address, like https://partners.northwind.example.",
        "hostnames": "Give at least one hostname, like partners.northwind.example.",
    }
    tenant_id: Slug
    name: Name
    base_url: Annotated[str, StringConstraints(pattern=r"^https?://[a-z0-9.-]+(:[0-9]+)?/?$")]
    hostnames: Annotated[list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9.-]+$")]], Field(min_length=1)]
