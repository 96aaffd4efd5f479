"""The console's partner and contact forms: a partner's details, an invite, a contact's role and status."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, StringConstraints

from portside.web.forms.base import Name, OptionalShortText, PortalForm, Slug, WorkEmail, blank_is_none


class InviteForm(PortalForm):
    """A new contact for a partner, from the admin console or the ``portside invite`` command."""

    messages: ClassVar[dict[str, str]] = {
        "email": "Enter the contact's work email, like name@company.com.",
        "name": "Enter the contact's name (up to 120 characters).",
        "role": "Choose principal, salesperson or technical.",
    }
    email: WorkEmail
    name: Name
    role: Literal["principal", "salesperson", "technical"]


class PartnerDetailsForm(PortalForm):
    """What an admin edits of a partner; ``version`` is the one the form was read at."""

    messages: ClassVar[dict[str, str]] = {
        "name": "Enter the partner's name (up to 120 characters).",
        "tier": "Keep the tier under 60 characters, like Gold.",
        "territory": "Keep the territory under 60 characters, like EMEA.",
        "status": "Choose active, prospect or inactive.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    name: Name
    tier: OptionalShortText = None
    territory: OptionalShortText = None
    status: Literal["active", "prospect", "inactive"] = "active"
    deal_registration_module: Annotated[
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")] | None, BeforeValidator(blank_is_none)
    ] = None
    version: int = 0


class PartnerForm(PartnerDetailsForm):
    """A new partner: its details and the id that names it in addresses (``/admin/partners/acme``)."""

    messages: ClassVar[dict[str, str]] = {
        **PartnerDetailsForm.messages,
        "partner_id": "Use 2 to 63 lower-case letters, digits or dashes, like acme (not a word like new).",
    }
    partner_id: Slug


class ContactRoleForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "role": "Choose principal, salesperson or technical.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    role: Literal["principal", "salesperson", "technical"]
    deal_registration_module: Annotated[
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")] | None, BeforeValidator(blank_is_none)
    ] = None
    version: int


class ContactStatusForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {
        "enabled": "Choose to enable or disable the contact.",
        "version": "This form is out of date. Reload the page and try again.",
    }
    enabled: bool
    deal_registration_module: Annotated[
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")] | None, BeforeValidator(blank_is_none)
    ] = None
    version: int
