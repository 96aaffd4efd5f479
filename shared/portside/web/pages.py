"""Full pages: a template plus what every page shows (brand, navigation, CSRF token, request id)."""

from __future__ import annotations

from html import escape
from typing import Any

from portside.auth.principal import AdminPrincipal, PartnerPrincipal, Principal
from portside.data.models.tenants import Brand
from portside.errors import PortsideError
from portside.observability import logger
from portside.templating import DEFAULT_COLOUR, render, safe_colour
from portside.web import csrf, form_drafts, tenants
from portside.web.http import Response
from portside.web.navigation import NavItem, navigation
from portside.web.request import PortalRequest
from portside.web.responses import html

NEUTRAL_BRAND = {"name": "Partner portal", "primary_colour": DEFAULT_COLOUR, "logo_url": None, "footer_text": None}


def _brand(request: PortalRequest, given: Brand | None) -> dict[str, Any]:
    brand = given
    if brand is None and isinstance(request.principal, PartnerPrincipal):
        brand = tenants.brand_for(request.tenant, tenants.cached_partner(request.tenant, request.principal.partner_id))
    brand = brand or request.tenant.brand
    return {
        "name": brand.name,
        "primary_colour": safe_colour(brand.primary_colour),
        "logo_url": brand.logo_url,
        "footer_text": brand.footer_text,
    }


def _layout(
    template: str,
    status: int,
    *,
    brand: dict[str, Any],
    nonce: str,
    request_id: str,
    principal: Principal | None = None,
    nav: list[NavItem] | None = None,
    csrf_token: str = "",
    console: bool = False,
    time_zone: str = "UTC",
    support: dict[str, str] | None = None,
    **context: Any,
) -> Response:
    """What ``base.html`` needs on every page, in one place. ``console``: an admin console page."""
    body = render(
        template,
        brand=brand,
        support=support,
        nav=nav or [],
        principal=principal,
        console=console,
        time_zone=time_zone,
        csrf_field=csrf.FIELD,
        csrf_token=csrf_token,
        nonce=nonce,
        request_id=request_id,
        **context,
    )
    return html(body, status=status)


def page(
    request: PortalRequest, template: str, status: int = 200, brand: Brand | None = None, **context: Any
) -> Response:
    """``template`` with what every page shows; on a GET naming a refused form, that form shown again."""
    refused = _refused_form(request, template)
    if refused is not None:
        status = refused.status
        context.update(refused.context())
    principal = request.principal
    response = _layout(
        template,
        status,
        brand=_brand(request, brand),
        nonce=request.csp_nonce,
        request_id=request.request_id,
        principal=principal,
        nav=navigation(principal, request.path),
        csrf_token=request.csrf_token or "",
        console=isinstance(principal, AdminPrincipal) or request.path.startswith("/admin"),
        time_zone=request.tenant.time_zone,
        support=tenants.support_contact(request.tenant),
        **context,
    )
    if refused is not None and refused.retry_after:
        response.headers["Retry-After"] = str(refused.retry_after)
    return response


def _refused_form(request: PortalRequest, template: str) -> form_drafts.RefusedForm | None:
    draft_id = request.query(form_drafts.QUERY) if request.method in ("GET", "HEAD") else None
    if not draft_id:
        return None
    return form_drafts.recall(request.tenant.tenant_id, draft_id, request.csrf_token, template)


def error_page(request: PortalRequest | None, error: PortsideError, nonce: str, request_id: str) -> Response:
    """Generic on purpose: the public message of the error class and a request id, never exception text.

    Dressed in the tenant's brand when the request got that far; if even that fails (the table is
    unreachable, say), the neutral page still answers.
    """
    if request is not None:
        try:
            return page(request, "error.html", status=error.status, message=error.public_message)
        except Exception:
            logger.exception("the branded error page failed; answering with the neutral one")
    return _layout(
        "error.html",
        error.status,
        brand=NEUTRAL_BRAND,
        nonce=nonce,
        request_id=request_id,
        message=error.public_message,
    )


def last_resort_page(event: dict[str, Any]) -> dict[str, Any]:
    """When even error handling failed: a plain page with the request id, built without templates or the table.

    The caller adds the security headers, as to every response.
    """
    request_id = escape(str((event.get("requestContext") or {}).get("requestId", "")))
    body = (
        "<!doctype html><html lang=en><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'><title>Something went wrong</title>"
        "<main><h1>Something went wrong on our side.</h1><p>Please try again in a moment. If it keeps happening, "
        f"quote this reference to the people who run this portal: <strong>{request_id}</strong></p></main>"
    )
    return {
        "statusCode": 500,
        "headers": {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"},
        "body": body,
        "isBase64Encoded": False,
    }
