"""The console's imports page: what was imported and how it went, the upload form, and the start step.

As the documents page, the upload form posts straight to S3, so this page widens ``form-action`` to
the bucket's origin; back from S3 (``?key=``) the file is checked at once (CSV text, within the
limit) and offered for importing as the kind chosen. While an import runs, the page refreshes itself
every five seconds (no script), so its progress shows without anyone pressing reload.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from portside.domain.import_columns import COLUMNS, LABELS
from portside.domain.imports import imports_page
from portside.errors import InvalidInput
from portside.storage import documents as files
from portside.web.headers import content_security_policy
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

TEMPLATE = "admin/imports.html"
FOLDER = "imports"
CSV_TYPES = ("text/csv", "text/plain")
NOTICES = {"started": "Import started: it runs in the background; its progress and result show below."}


def imports_context(request: PortalRequest) -> dict[str, Any]:
    can_manage = request.admin.may("imports", "manage")
    listed = imports_page(request.tenant, request.query("cursor"))
    return_url = f"{request.tenant.base_url.rstrip('/')}/admin/imports"
    return {
        "imports": listed.items,
        "next_cursor": listed.cursor,
        "running": any(job.in_progress for job in listed.items),
        "kinds": LABELS,
        "columns": COLUMNS,
        "can_manage": can_manage,
        "upload": files.upload_form(request.tenant.tenant_id, FOLDER, return_url, typed_field="kind")
        if can_manage
        else None,
        "max_bytes": files.max_bytes(),
        "checked": None,
        "notice": NOTICES.get(request.query("notice") or ""),
    }


def imports_page_response(request: PortalRequest) -> Response:
    context = imports_context(request)
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    key = request.query("key")
    if key and context["can_manage"]:
        try:
            upload = files.upload_of(request.tenant.tenant_id, FOLDER, key)
            checked = files.check_upload(upload, CSV_TYPES, "a CSV file (UTF-8 text)", typed_field="kind")
            context["checked"] = checked
            values = {"kind": checked.typed if checked.typed in LABELS else "", "upload_key": checked.key}
        except InvalidInput as refused:
            errors = refused.errors
    response = page(request, TEMPLATE, values=values, errors=errors, error=None, **context)
    if context["upload"] is not None:
        s3 = urlsplit(context["upload"].url)
        response.headers["Content-Security-Policy"] = content_security_policy(
            request.csp_nonce, form_action=(f"{s3.scheme}://{s3.netloc}",)
        )
    return response
