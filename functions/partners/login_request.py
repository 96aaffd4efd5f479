"""POST /partners/login: mail a sign-in link. The answer never says whether the address is known."""

from aws_lambda_powertools.event_handler import Response

from portside.domain.sign_in_requests import request_sign_in_link
from portside.errors import InvalidInput, RateLimited
from portside.web.cookies import pending_sign_in_cookie
from portside.web.endpoint import Endpoint
from portside.web.forms import SignInLinkForm, parse_form
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: "partners/login.html", RateLimited: "partners/login.html"})


@endpoint
def request_link(request: PortalRequest) -> Response:
    form = parse_form(SignInLinkForm, request.form)
    request_sign_in_link(request.tenant, form.email, form.next, request.client)
    # The address rides along to the "check your mail" page, so the code form need not ask again.
    return redirect("/partners/login/check", cookies=[pending_sign_in_cookie(form.email)])


handler = endpoint.handler
