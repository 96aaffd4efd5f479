"""The brand form page, for the tenant's brand and for a partner's override alike.

Its logo form posts straight to S3 (a presigned POST), so this page, and only this page, widens
``form-action`` to the bucket's origin.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from aws_lambda_powertools.event_handler import Response

from portside.data.models import Brand
from portside.storage import logos
from portside.web.headers import content_security_policy
from portside.web.pages import page
from portside.web.request import PortalRequest

TEMPLATE = "admin/branding.html"


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
    uploaded = request.query("uploaded") or ""
    values = brand_values(current, version)
    if logos.LOGO_ID.fullmatch(uploaded):
        values["logo_upload"] = uploaded
    response = page(
        request,
        TEMPLATE,
        form_path=form_path,
        current=current,
        values=values,
        upload=upload,
        uploaded=bool(values.get("logo_upload")),
        errors={},
        error=None,
        **context,
    )
    s3 = urlsplit(upload.url)
    response.headers["Content-Security-Policy"] = content_security_policy(
        request.csp_nonce, form_action=(f"{s3.scheme}://{s3.netloc}",)
    )
    return response
