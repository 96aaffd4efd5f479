"""The sign-in groups page: which identity provider groups open the console, as which role."""

from __future__ import annotations

from typing import Any

from portside.admins.group_roles import list_group_roles
from portside.auth.matrix import ADMIN_ROLES
from portside.auth.sso_provider import provider_name
from portside.web.request import PortalRequest

TEMPLATE = "admins/admin_group_roles.html"
NOTICES = {
    "mapped": "Saved. Members of the group get the role at their next sign-in.",
    "unmapped": "Removed. Members of the group lose that role at their next sign-in.",
    "mode": "Saved. The sign-in page shows the change within a minute.",
}


def groups_context(request: PortalRequest) -> dict[str, Any]:
    return {
        "mappings": list_group_roles(request.tenant),
        "roles": ADMIN_ROLES,
        "can_manage": request.admin.may("admins", "manage"),
        "provider": provider_name(),
        "sso_only": bool(request.tenant.admin_sso_only),
        "tenant_version": request.tenant.version,
        "notice": NOTICES.get(request.query("notice") or ""),
    }
