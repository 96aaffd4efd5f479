"""GET /admin/login/sso: start single sign-on; the browser goes on to the company's identity provider."""

from portside.admin_sign_in import single_sign_on
from portside.web.cookies import sso_cookie
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def start_sso(request: PortalRequest) -> Response:
    started = single_sign_on.begin(request.tenant, request.query("next"))
    return redirect(
        started.redirect_url, cookies=[sso_cookie(started.state, single_sign_on.ATTEMPT_SECONDS)], status=302
    )


handler = endpoint.handler
