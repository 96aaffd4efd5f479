"""POST /admin/mail/<id>/retry: send a parked mail again (a fresh link, for a mail that carried one).

An unknown id answers 404; a mail already retried or sent answers 409 with the current list.
"""

from portside.delivery.parked import parked_mail, retry
from portside.errors import Conflict
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={Conflict: "delivery/admin_mail.html"},
    error_context=lambda request: {"parked": parked_mail(request.tenant, None), "notice": None, "can_retry": True},
)


@endpoint
def retry_mail(request: PortalRequest) -> Response:
    outcome = retry(request.tenant, request.path_param("mail_id"), request.admin.actor, request.client)
    return redirect(f"/admin/mail?notice={outcome}")


handler = endpoint.handler
