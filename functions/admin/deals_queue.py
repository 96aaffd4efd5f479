"""GET /admin/deals: the deal registrations waiting for a decision, oldest first; conflicts marked."""

from aws_lambda_powertools.event_handler import Response

from portside.domain.deal_reviews import pending_queue
from portside.domain.deals import money
from portside.web.endpoint import Endpoint
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_queue(request: PortalRequest) -> Response:
    queue = pending_queue(request.tenant, request.query("cursor"))
    return page(request, "admin/deals.html", queue=queue, money=money)


handler = endpoint.handler
