"""GET /partners/requests/<id>: one of the partner's requests; another partner's id is "not found"."""

from portside.approvals.following import RequestView, get_request
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)
NOTICES = {
    "submitted": "Sent to finance. You are mailed when they decide.",
    "withdrawn": "Withdrawn. Finance will not decide it.",
}


@endpoint
def show_request(request: PortalRequest) -> Response:
    asked = get_request(request.tenant, request.path_param("request_id"), request.partner.partner_id)
    return page(
        request,
        "approvals/partner_request.html",
        request_view=RequestView.of(asked),
        notice=NOTICES.get(request.query("notice") or ""),
        error=None,
    )


handler = endpoint.handler
