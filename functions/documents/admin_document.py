"""GET /admin/documents/<space_id>/<document_id>: a document's versions and who downloaded it, newest first."""

from portside.documents.downloads import downloader_names, downloads_page
from portside.documents.library import TYPE_LABELS, document_in_space, versions_of
from portside.documents.spaces import get_space
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_document(request: PortalRequest) -> Response:
    space = get_space(request.tenant, request.path_param("space_id"))
    document = document_in_space(request.tenant, space.space_id, request.path_param("document_id"))
    downloads = downloads_page(request.tenant, document.document_id, request.query("cursor"))
    return page(
        request,
        "documents/admin_document.html",
        space=space,
        document=document,
        versions=versions_of(request.tenant, document.document_id),
        downloads=downloads,
        names=downloader_names(request.tenant, downloads.items),
        type_labels=TYPE_LABELS,
        can_manage=request.admin.may("document_spaces", "manage"),
        notice=request.query("notice"),
    )


handler = endpoint.handler
