"""GET /admin/documents: the document spaces, with who may see each, how many documents, and the last change."""

from portside.documents.spaces import list_spaces
from portside.partners.directory import partner_names
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_spaces(request: PortalRequest) -> Response:
    spaces = list_spaces(request.tenant)
    named = {partner_id for space in spaces for partner_id in space.partner_ids or []}
    return page(
        request,
        "documents/admin_documents.html",
        spaces=spaces,
        partner_names=partner_names(request.tenant, named),
        can_manage=request.admin.may("document_spaces", "manage"),
        notice=request.query("notice"),
    )


handler = endpoint.handler
