"""The document space form, for a new space and an existing one alike, and what its post becomes."""

from __future__ import annotations

from typing import Any

from portside.auth.matrix import PARTNER_ROLES
from portside.documents.forms import SpaceForm
from portside.documents.models import DocumentSpace
from portside.documents.spaces import SpaceFields
from portside.partners.directory import partner_choices
from portside.training.authoring import published_modules
from portside.web.forms.base import Form, parse_form
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

TEMPLATE = "documents/admin_document_space_form.html"


def form_context(request: PortalRequest, space_id: str | None = None) -> dict[str, Any]:
    """What the form needs beyond what was typed: the partners, roles and training modules to choose from."""
    return {
        "space_id": space_id,
        "partners": partner_choices(request.tenant),
        "roles": PARTNER_ROLES,
        "modules": published_modules(request.tenant),
    }


def space_values(space: DocumentSpace) -> dict[str, str]:
    """A stored space as the form shows it: checkbox groups as comma-joined values, as a refused form keeps them."""
    return {
        "name": space.name,
        "description": space.description or "",
        "partners": "chosen" if space.partner_ids else "all",
        "partner_ids": ",".join(space.partner_ids or []),
        "roles": ",".join(space.roles or []),
        "requires_module": space.requires_module or "",
        "version": str(space.version),
    }


def space_form_page(request: PortalRequest, values: dict[str, str], space_id: str | None = None) -> Response:
    return page(request, TEMPLATE, values=values, errors={}, error=None, **form_context(request, space_id))


def posted_space(request: PortalRequest, model: type[Form]) -> tuple[Form, SpaceFields]:
    """The posted form, checkbox groups included, and the space it describes."""
    form = parse_form(
        model, {**request.form, "partner_ids": request.form_all("partner_ids"), "roles": request.form_all("roles")}
    )
    assert isinstance(form, SpaceForm)
    chosen = tuple(form.partner_ids) if form.partners == "chosen" else ()
    return form, SpaceFields(form.name, form.description, chosen, tuple(form.roles), form.requires_module)
