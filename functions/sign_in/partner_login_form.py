"""GET /partners/login: the email form that starts a magic-link sign-in."""

from portside.sign_in.spending import safe_next_path
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)

NOTICES = {"signed_out": "You are signed out."}


@endpoint
def show_login(request: PortalRequest) -> Response:
    next_path = safe_next_path(request.query("next")) or ""
    notice = NOTICES.get(request.query("notice") or "")
    return page(
        request, "sign_in/partner_login_form.html", values={"next": next_path}, errors={}, error=None, notice=notice
    )


handler = endpoint.handler
