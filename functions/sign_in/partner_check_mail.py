"""GET /partners/login/check: "check your mail", with the form for the one-time code."""

from portside.sign_in.links import link_lifetime
from portside.web.cookies import pending_sign_in_email
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def check_mail(request: PortalRequest) -> Response:
    email = pending_sign_in_email(request.cookies)
    minutes = int(link_lifetime(request.tenant).total_seconds() // 60)
    return page(request, "sign_in/partner_check_mail.html", email=email, minutes=minutes, error=None, values={})


handler = endpoint.handler
