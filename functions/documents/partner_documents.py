"""GET /partners/documents: the spaces open to the contact's partner and role, each with its documents."""

from portside.documents.library import TYPE_LABELS, library
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_documents(request: PortalRequest) -> Response:
    wanted = (request.query("title") or "").strip()[:200]
    return page(
        request,
        "documents/partner_documents.html",
        shelves=library(request.tenant, request.partner, wanted),
        title_filter=wanted,
        type_labels=TYPE_LABELS,
    )


handler = endpoint.handler
