"""POST /partners/login: mail a sign-in link. The answer never says whether the address is known.

From a used or expired link's page the form carries that link instead of an address: the new link goes where the
old one went, and the address is never written on a page (the link's holder sees only its mask).
"""

from portside.errors import InvalidInput, RateLimited
from portside.sign_in.asking import request_sign_in_link
from portside.sign_in.forms import SignInLinkForm
from portside.sign_in.spending import address_of_link
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
    if "token" in request.form and not request.form.get("email"):
        return _link_again(request)
    form = parse_form(SignInLinkForm, request.form)
    request_sign_in_link(request.tenant, form.email, form.next, request.client)
    # The address rides along to the "check your mail" page, so the code form need not ask again.
    return redirect("/partners/login/check", cookies=[pending_sign_in_cookie(form.email)])


def _link_again(request: PortalRequest) -> Response:
    email = address_of_link(request.tenant, request.form.get("token", ""))
    if email is None:  # no link had it: the address is asked for, as on the sign-in page
        raise InvalidInput({"email": SignInLinkForm.messages["email"]})
    request_sign_in_link(request.tenant, email, None, request.client)
    return redirect("/partners/login/check")


handler = endpoint.handler
