"""GET /admin/approvals/<id>/file: a credit request's supporting file, audited, then a one-minute S3 link."""

from portside.approvals.following import attachment_link
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def download(request: PortalRequest) -> Response:
    link = attachment_link(request.tenant, request.path_param("request_id"), request.admin.actor, request.client)
    return redirect(link)


handler = endpoint.handler
