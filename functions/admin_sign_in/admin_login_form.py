"""GET /admin/login: email and password, the first step of an admin sign-in, or the way to the identity provider."""

from portside.admin_sign_in.pages import LOGIN, sign_in_ways
from portside.admin_sign_in.password_and_code import safe_admin_next
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)

NOTICES = {"signed_out": "You are signed out."}


@endpoint
def show_login(request: PortalRequest) -> Response:
    values = {"next": safe_admin_next(request.query("next")) or ""}
    notice = NOTICES.get(request.query("notice") or "")
    return page(request, LOGIN, values=values, errors={}, error=None, notice=notice, **sign_in_ways(request))


handler = endpoint.handler
