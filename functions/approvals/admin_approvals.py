"""GET /admin/approvals: pricing and credit requests waiting for finance, oldest first, with what each asks."""

from portside.approvals.following import KIND_LABELS
from portside.approvals.review import pending_queue
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_queue(request: PortalRequest) -> Response:
    queue = pending_queue(request.tenant, request.query("cursor"))
    return page(request, "approvals/admin_approvals.html", queue=queue, kinds=KIND_LABELS)


handler = endpoint.handler
