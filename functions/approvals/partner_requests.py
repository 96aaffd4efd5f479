"""GET /partners/requests: the partner's pricing and credit requests and where each stands, newest first;
``?state=`` shows one state."""

from portside.approvals.following import STATE_LABELS, RequestView, partner_requests
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_requests(request: PortalRequest) -> Response:
    state = request.query("state") if request.query("state") in STATE_LABELS else None
    listed = partner_requests(request.tenant, request.partner.partner_id, request.query("cursor"), state)
    return page(
        request,
        "approvals/partner_requests.html",
        requests=[RequestView.of(item) for item in listed.items],
        next_cursor=listed.cursor,
        state=state,
        states=STATE_LABELS,
    )


handler = endpoint.handler
