"""GET /: the portal's front door leads to the dashboard (which asks for sign-in when needed)."""

from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def home(request: PortalRequest) -> Response:
    return redirect("/partners/dashboard", status=302)


handler = endpoint.handler
