"""What every page with a browser upload to S3 shares: its form may post to the bucket, and the way back.

Such a page's upload form posts straight to S3 (a presigned POST), so the page, and only it, widens
``form-action`` to the bucket's origin. S3 sends the browser back with ``?key=``: the upload is
checked at once, and its next step offered (or the refusal shown where the form is).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from portside.errors import InvalidInput
from portside.web.headers import content_security_policy
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

# What checking a returned upload gives the page: the checked upload, and the next step's form values.
ReadBack = Callable[[str], tuple[Any, dict[str, str]]]


def allow_posting_to(response: Response, request: PortalRequest, upload_url: str) -> Response:
    """Let the page's forms post to the upload's origin too."""
    s3 = urlsplit(upload_url)
    response.headers["Content-Security-Policy"] = content_security_policy(
        request.csp_nonce, form_action=(f"{s3.scheme}://{s3.netloc}",)
    )
    return response


def page_with_upload(request: PortalRequest, template: str, context: dict[str, Any], read_back: ReadBack) -> Response:
    """``template`` with ``context`` (its ``upload`` None for who may not upload); back from S3, the upload checked."""
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    key = request.query("key")
    if key and context["upload"] is not None:
        try:
            context["checked"], values = read_back(key)
        except InvalidInput as refused:
            errors = refused.errors
    response = page(request, template, values=values, errors=errors, error=None, **context)
    return response if context["upload"] is None else allow_posting_to(response, request, context["upload"].url)
