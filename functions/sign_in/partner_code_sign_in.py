"""POST /partners/login/code: sign in with the six-digit code from the mail (for another device)."""

from portside.errors import InvalidInput, RateLimited
from portside.sign_in.forms import CodeSignInForm
from portside.sign_in.spending import CodeRejected, spend_code
from portside.web.cookies import signed_in_cookies
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={
        InvalidInput: "sign_in/partner_check_mail.html",
        CodeRejected: "sign_in/partner_check_mail.html",
        RateLimited: "sign_in/partner_check_mail.html",
    },
)


@endpoint
def sign_in_with_code(request: PortalRequest) -> Response:
    form = parse_form(CodeSignInForm, request.form)
    signed_in = spend_code(request.tenant, form.email, form.code, request.client)
    return redirect(signed_in.next_path, cookies=signed_in_cookies(signed_in.cookie_value, signed_in.max_age_seconds))


handler = endpoint.handler
