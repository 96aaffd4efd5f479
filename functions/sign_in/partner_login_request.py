"""POST /partners/login: mail a sign-in link. The answer never says whether the address is known."""

from portside.errors import InvalidInput, RateLimited
from portside.sign_in.asking import request_sign_in_link
from portside.sign_in.forms import SignInLinkForm
from portside.web.cookies import pending_sign_in_cookie
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: "sign_in/partner_login_form.html", RateLimited: "sign_in/partner_login_form.html"},
)


@endpoint
def request_link(request: PortalRequest) -> Response:
    form = parse_form(SignInLinkForm, request.form)
    request_sign_in_link(request.tenant, form.email, form.next, request.client)
    # The address rides along to the "check your mail" page, so the code form need not ask again.
    return redirect("/partners/login/check", cookies=[pending_sign_in_cookie(form.email)])


handler = endpoint.handler
