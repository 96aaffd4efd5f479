"""The admin sign-in page's choices, for every handler that shows it (the form, and its refusals)."""

from __future__ import annotations

from typing import Any

from portside.admin_sign_in.password_and_code import password_sign_in_off
from portside.auth.sso_provider import provider_name
from portside.web.request import PortalRequest

LOGIN = "admin_sign_in/admin_login_form.html"


def sign_in_ways(request: PortalRequest) -> dict[str, Any]:
    """The company's identity provider (when configured), password and authenticator (unless the owner chose
    single sign-on only), or both."""
    return {"provider": provider_name(), "password_off": password_sign_in_off(request.tenant)}
