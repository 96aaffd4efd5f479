"""The new-request page: choose a special price or a credit limit, then that kind's form.

A credit limit may carry a supporting file. It is uploaded first, straight to S3 (``upload_pages``);
back from S3 (``?key=``) it is checked at once, and the form that follows carries it.
"""

from __future__ import annotations

import uuid
from typing import Any

from portside.approvals.following import KIND_LABELS, attachment_folder, checked_attachment, open_deals
from portside.storage import documents as files
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.upload_pages import page_with_upload

TEMPLATE = "approvals/partner_request_new.html"


def request_form_page(request: PortalRequest) -> Response:
    """The page for ``?type=`` (none: the choice); a refused form comes back as its draft, with its own type."""
    context = _form_context(request, request.query("type"))

    def read_back(key: str) -> tuple[Any, dict[str, str]]:
        checked = checked_attachment(request.tenant, request.partner, key)
        return checked, {"request_type": "credit_limit", "attachment": key}

    return page_with_upload(request, TEMPLATE, context, read_back)


def refused_request_context(request: PortalRequest) -> dict[str, Any]:
    """A refused request shown again as the answer to its post: the page of the type it was for."""
    return _form_context(request, request.form_shown.get("request_type"))


def _form_context(request: PortalRequest, kind: str | None) -> dict[str, Any]:
    kind = kind if kind in KIND_LABELS else None
    return_url = f"{request.tenant.base_url.rstrip('/')}/partners/requests/new?type=credit_limit"
    folder, tenant_id = attachment_folder(request.partner.partner_id), request.tenant.tenant_id
    context: dict[str, Any] = {
        "kind": kind,
        "kinds": KIND_LABELS,
        "submission_id": uuid.uuid4().hex,
        "sku": (request.query("sku") or "")[:64],
        "deals": [] if kind == "credit_limit" else open_deals(request.tenant, request.partner),
        # A credit limit's file upload (the choice page and a refused form's draft may become one).
        "upload": None if kind == "special_price" else files.upload_form(tenant_id, folder, return_url, "purpose"),
        "max_bytes": files.max_bytes(),
        "checked": None,
    }
    return context
