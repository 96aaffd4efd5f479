"""POST /admin/login: Cognito checks the password and answers with the next step (a TOTP code, mostly)."""

from portside.admin_sign_in import password_and_code
from portside.admin_sign_in.forms import AdminSignInForm
from portside.admin_sign_in.pages import LOGIN, sign_in_ways
from portside.errors import InvalidInput, RateLimited
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(
    __name__,
    error_pages={
        InvalidInput: LOGIN,
        password_and_code.AdminSignInRefused: LOGIN,
        password_and_code.PasswordSignInOff: LOGIN,
        RateLimited: LOGIN,
    },
    error_context=sign_in_ways,
)


@endpoint
def check_password(request: PortalRequest) -> Response:
    form = parse_form(AdminSignInForm, request.form)
    challenge = password_and_code.start(request.tenant, form.email, form.password, request.client)
    return page(request, "admin_sign_in/challenge.html", step=challenge.form_values(form.next), errors={}, error=None)


handler = endpoint.handler
