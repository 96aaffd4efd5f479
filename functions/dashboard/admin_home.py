"""GET /admin: the console's front page: who is signed in, what waits for them, and the sections their roles open.

Each queue the admin may open is counted (one read each, capped; ``portside.dashboard.workload``).
"""

from portside.dashboard.workload import waiting_for
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.navigation import navigation
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_home(request: PortalRequest) -> Response:
    return page(
        request,
        "dashboard/admin_home.html",
        sections=navigation(request.admin, ""),
        waiting=waiting_for(request.admin, request.tenant),
    )


handler = endpoint.handler
