"""The brand form page, for the tenant's brand and for a partner's override alike.

Its logo form posts straight to S3 (a presigned POST), so this page, and only this page, widens
``form-action`` to the bucket's origin. Back from S3, the upload is checked (its first bytes and
size) before the page calls it uploaded; a bad file is named as such at once.
"""

from __future__ import annotations

from typing import Any

from portside.data.models.tenants import Brand
from portside.errors import InvalidInput
from portside.storage import logos
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest
from portside.web.upload_pages import allow_posting_to

TEMPLATE = "settings/admin_branding.html"


def brand_values(brand: Brand | None, version: int) -> dict[str, str]:
    return {
        "name": brand.name if brand else "",
        "primary_colour": brand.primary_colour if brand else "#1d4ed8",
        "footer_text": (brand.footer_text or "") if brand else "",
        "version": str(version),
    }


def brand_page(request: PortalRequest, form_path: str, current: Brand | None, version: int, **context: Any) -> Response:
    """The form at ``form_path`` with the brand as stored, and a fresh logo upload that returns here."""
    upload = logos.upload_form(request.tenant.tenant_id, f"{request.tenant.base_url.rstrip('/')}{form_path}")
    values, errors = brand_values(current, version), {}
    checked = None
    if request.query("uploaded"):  # back from S3: say "uploaded" only of a file that passed the checks
        try:
            checked = logos.check_upload(request.tenant.tenant_id, request.query("uploaded") or "")
            values["logo_upload"] = checked.upload_id
        except InvalidInput as refused:
            errors = refused.errors
    response = page(
        request,
        TEMPLATE,
        form_path=form_path,
        current=current,
        values=values,
        upload=upload,
        uploaded=checked,
        errors=errors,
        error=None,
        **context,
    )
    return allow_posting_to(response, request, upload.url)
