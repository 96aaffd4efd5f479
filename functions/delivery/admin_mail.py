"""GET /admin/mail: mail that could not be sent after every attempt, newest first, each with Retry."""

from portside.delivery.parked import parked_mail
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_parked(request: PortalRequest) -> Response:
    return page(
        request,
        "delivery/admin_mail.html",
        parked=parked_mail(request.tenant, request.query("cursor")),
        notice=request.query("notice"),
        error=None,
        can_retry=request.admin.may("outbox", "retry"),
    )


handler = endpoint.handler
