"""A space's page in the console: its documents, the upload form, and the save step after an upload.

The upload form posts straight to S3 (``upload_pages``). Back from S3 (``?key=``), the upload is
checked at once: a bad file is deleted and named as such; a good one is offered for saving under
its title.
"""

from __future__ import annotations

from typing import Any

from portside.documents.library import space_documents
from portside.documents.models import DocumentSpace
from portside.documents.spaces import get_space
from portside.storage import documents as files
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.upload_pages import page_with_upload

TEMPLATE = "documents/admin_document_space.html"
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
    folder = files.space_folder(context["space"].space_id)

    def read_back(key: str) -> tuple[files.CheckedUpload, dict[str, str]]:
        checked = files.check_upload(files.upload_of(request.tenant.tenant_id, folder, key))
        return checked, {"title": checked.typed, "upload_key": checked.key}

    return page_with_upload(request, TEMPLATE, context, read_back)
