"""The console's own forms of the features not yet moved: tenants, partners, contacts, admins, nudges,
reviews."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import (
    BeforeValidator,
    Field,
    StringConstraints,
)

from portside.web.forms.base import (
    Name,
    OptionalNote,
    OptionalShortText,
    PortalForm,
    Slug,
    WorkEmail,
    blank_is_none,
)
from portside.web.forms.text import SingleLine


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


class AdminMemberForm(PortalForm):
    """Someone to give a tenant's console: the ``portside admin`` command."""

    messages: ClassVar[dict[str, str]] = {
        "email": "Enter the admin's work email, like name@company.com.",
        "role": "Choose owner, ops, finance or auditor.",
    }
    email: WorkEmail
    role: Literal["owner", "ops", "finance", "auditor"]


class AdminAddForm(AdminMemberForm):
    """An admin added in the console: by the pool's own sign-in, or through the company's identity provider."""

    messages: ClassVar[dict[str, str]] = {
        **AdminMemberForm.messages,
        "sign_in": "Choose how they sign in: password and authenticator, or the company's identity provider.",
    }
    sign_in: Literal["password", "federated"] = "password"


class GroupRoleForm(PortalForm):
    """An identity provider group, as the provider names it, and the admin role it opens."""

    messages: ClassVar[dict[str, str]] = {
        "group": "Type the group exactly as the identity provider sends it, like portal-finance.",
        "role": "Choose owner, ops, finance or auditor.",
    }
    group: Annotated[SingleLine, StringConstraints(min_length=1, max_length=128)]
    role: Literal["owner", "ops", "finance", "auditor"]


class SsoModeForm(PortalForm):
    """Whether admins sign in through the identity provider only; ``version`` is the tenant's as read."""

    messages: ClassVar[dict[str, str]] = {"version": "This form is out of date. Reload the page and try again."}
    sso_only: bool = False
    version: int


class GroupForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"group": "Choose a mapped group."}
    group: Annotated[SingleLine, StringConstraints(min_length=1, max_length=128)]


class AdminRoleForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"role": "Choose owner, ops, finance or auditor."}
    role: Literal["owner", "ops", "finance", "auditor"]


class AdminStatusForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"enabled": "Choose to enable or disable."}
    enabled: bool


class AccessReviewForm(PortalForm):
    messages: ClassVar[dict[str, str]] = {"note": "Keep the note under 1,000 characters."}
    note: OptionalNote = None
