"""GET /admin: the console's front page: who is signed in, and the sections their roles open."""

from aws_lambda_powertools.event_handler import Response

from portside.web.endpoint import Endpoint
from portside.web.navigation import navigation
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_home(request: PortalRequest) -> Response:
    return page(request, "admin/home.html", sections=navigation(request.admin, ""))


handler = endpoint.handler
