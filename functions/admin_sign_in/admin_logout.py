"""POST /admin/logout: the admin session is deleted on the server, then the cookie."""

from portside.auth.cookie_names import ADMIN_COOKIE
from portside.auth.sign_out import sign_out
from portside.web.cookies import expired
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def log_out(request: PortalRequest) -> Response:
    sign_out(request.admin, request.client)
    return redirect("/admin/login?notice=signed_out", cookies=[expired(ADMIN_COOKIE)])


handler = endpoint.handler
