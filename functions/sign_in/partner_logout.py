"""POST /partners/logout: the session is deleted on the server, then the cookie."""

from portside.auth.cookie_names import SESSION_COOKIE
from portside.auth.sign_out import sign_out
from portside.web.cookies import expired
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def log_out(request: PortalRequest) -> Response:
    sign_out(request.partner, request.client)
    return redirect("/partners/login?notice=signed_out", cookies=[expired(SESSION_COOKIE)])


handler = endpoint.handler
