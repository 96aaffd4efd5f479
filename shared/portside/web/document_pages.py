"""A space's page in the console: its documents, the upload form, and the save step after an upload.

The upload form posts straight to S3 (a presigned POST), so this page widens ``form-action`` to
the bucket's origin, as the branding page does. Back from S3 (``?key=``), the upload is checked
at once: a bad file is deleted and named as such; a good one is offered for saving under its title.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from portside.data.models.documents import DocumentSpace
from portside.domain.document_spaces import get_space
from portside.domain.documents import space_documents
from portside.errors import InvalidInput
from portside.storage import documents as files
from portside.web.headers import content_security_policy
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

TEMPLATE = "admin/document_space.html"
NOTICES = {
    "saved": "Document saved: partners who may see the space get it now.",
    "version": "New version saved: partners get it from now on; the earlier ones stay listed on its page.",
}


def space_context(request: PortalRequest, space: DocumentSpace | None = None) -> dict[str, Any]:
    """What the page shows besides the save step's values: the space, its documents, a fresh upload form."""
    space = space or get_space(request.tenant, request.path_param("space_id"))
    can_manage = request.admin.may("document_spaces", "manage")
    return_url = f"{request.tenant.base_url.rstrip('/')}/admin/documents/{space.space_id}"
    folder = files.space_folder(space.space_id)
    return {
        "space": space,
        "documents": space_documents(request.tenant, space.space_id, archived_too=True),
        "can_manage": can_manage,
        "upload": files.upload_form(request.tenant.tenant_id, folder, return_url) if can_manage else None,
        "max_bytes": files.max_bytes(),
        "type_labels": files.ALLOWED_TYPES,
        "checked": None,
        "notice": NOTICES.get(request.query("notice") or ""),
    }


def space_page(request: PortalRequest) -> Response:
    """The page; back from S3 with ``?key=``, the upload checked and offered for saving."""
    context = space_context(request)
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    key = request.query("key")
    if key and context["can_manage"]:
        try:
            upload = files.upload_of(request.tenant.tenant_id, files.space_folder(context["space"].space_id), key)
            context["checked"] = checked = files.check_upload(upload)
            values = {"title": checked.typed, "upload_key": checked.key}
        except InvalidInput as refused:
            errors = refused.errors
    response = page(request, TEMPLATE, values=values, errors=errors, error=None, **context)
    if context["upload"] is not None:
        s3 = urlsplit(context["upload"].url)
        response.headers["Content-Security-Policy"] = content_security_policy(
            request.csp_nonce, form_action=(f"{s3.scheme}://{s3.netloc}",)
        )
    return response
