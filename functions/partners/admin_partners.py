"""GET /admin/partners: partners by name, searchable by the start of the name, a page at a time."""

from portside.partners.directory import list_partners
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_partners(request: PortalRequest) -> Response:
    search = (request.query("q") or "").strip()[:120]
    listed = list_partners(request.tenant, search, request.query("cursor"))
    return page(
        request,
        "partners/admin_partners.html",
        partners=listed.items,
        next_cursor=listed.cursor,
        search=search,
        can_manage=request.admin.may("partners", "manage"),
    )


handler = endpoint.handler
