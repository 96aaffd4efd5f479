"""The console admins' forms: an admin added, given a role, disabled; a group mapped to a role; single sign-on only."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import StringConstraints

from portside.web.forms.base import PortalForm, WorkEmail
from portside.web.forms.text import SingleLine


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
