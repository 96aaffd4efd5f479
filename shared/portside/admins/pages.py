"""The console's admins page: who may open the console, how they sign in, and the owner's forms."""

from __future__ import annotations

from typing import Any

from portside.admins.managing import SIGN_IN_LABELS, list_admins
from portside.auth.matrix import ADMIN_ROLES
from portside.web.request import PortalRequest

TEMPLATE = "admins/admin_admins.html"
NOTICES = {
    "added": "Added. A new pool admin is mailed a temporary password by Cognito and sets up an authenticator at "
    "their first sign-in.",
    "role": "Role changed. Their sessions ended: the new role holds from their next sign-in.",
    "disabled": "Disabled. Their sessions ended at once, and they cannot sign in.",
    "enabled": "Enabled. They can sign in again.",
    "removed": "Removed from this tenant's console. Their sessions ended at once.",
}


def admins_context(request: PortalRequest) -> dict[str, Any]:
    return {
        "view": list_admins(request.tenant),
        "roles": ADMIN_ROLES,
        "sign_in_labels": SIGN_IN_LABELS,
        "can_manage": request.admin.may("admins", "manage"),
        "me": request.admin.email,
        "notice": NOTICES.get(request.query("notice") or ""),
    }
