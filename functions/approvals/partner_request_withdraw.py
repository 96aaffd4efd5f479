"""POST /partners/requests/<id>/withdraw: withdraw a pending request; a decided one stays as it is."""

from portside.approvals.following import NotPending, RequestView, get_request, withdraw
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={NotPending: "approvals/partner_request.html"},
    error_context=lambda request: {
        "request_view": RequestView.of(
            get_request(request.tenant, request.path_param("request_id"), request.partner.partner_id)
        ),
        "notice": None,
    },
)


@endpoint
def withdraw_request(request: PortalRequest) -> Response:
    request_id = request.path_param("request_id")
    withdraw(request.tenant, request.partner, request_id, request.client)
    return redirect(f"/partners/requests/{request_id}?notice=withdrawn")


handler = endpoint.handler
