"""GET /admin: the console's front page: who is signed in, the sections their roles open, and what waits.

The count of mail that could not be sent shows to those who may retry it, and the count of pricing and
credit requests waiting to those who may see the queue (one more Query each).
"""

from portside.approvals.review import pending_count
from portside.delivery.parked import COUNT_CAP, parked_count
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.navigation import navigation
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_home(request: PortalRequest) -> Response:
    parked = parked_count(request.tenant) if request.admin.may("outbox", "view") else 0
    waiting = pending_count(request.tenant) if request.admin.may("approvals", "view") else 0
    return page(
        request,
        "dashboard/admin_home.html",
        sections=navigation(request.admin, ""),
        parked_mail=parked,
        parked_mail_capped=parked >= COUNT_CAP,
        waiting_requests=waiting,
        waiting_requests_capped=waiting >= COUNT_CAP,
    )


handler = endpoint.handler
