"""The import keys page: the tenant's keys, and a new key's token shown the one time it exists."""

from __future__ import annotations

from typing import Any

from portside.imports.columns import LABELS
from portside.imports.forms import DEFAULT_KEY_KINDS
from portside.imports.keys import list_keys
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

TEMPLATE = "imports/admin_import_keys.html"


def keys_context(request: PortalRequest) -> dict[str, Any]:
    return {
        "keys": list_keys(request.tenant),
        "can_manage": request.admin.may("imports", "keys"),
        "notice": request.query("notice"),
        "token": None,
        "api_base": request.tenant.base_url.rstrip("/"),
        "kinds": LABELS,
        "default_kinds": DEFAULT_KEY_KINDS,
    }


def keys_page(request: PortalRequest, token: str | None = None, status: int = 200) -> Response:
    context = {**keys_context(request), "token": token}
    return page(request, TEMPLATE, status=status, values={}, errors={}, error=None, **context)
