"""GET /admin/approvals/<id>: a request with what deciding it needs (prices, cost and margin, or the account)."""

from portside.approvals.pages import review_page
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_request(request: PortalRequest) -> Response:
    return review_page(request)


handler = endpoint.handler
