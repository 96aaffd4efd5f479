"""GET /partners/requests/new: ask finance for a special price or a credit limit (one request per form)."""

from portside.approvals.partner_pages import request_form_page
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_form(request: PortalRequest) -> Response:
    return request_form_page(request)


handler = endpoint.handler
