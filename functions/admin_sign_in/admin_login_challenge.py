"""POST /admin/login/challenge: answer Cognito's challenge; the last answer opens the admin session."""

from portside.admin_sign_in import password_and_code
from portside.admin_sign_in.challenge_forms import AdminChallengeForm, AdminCodeAnswer, AdminNewPasswordAnswer
from portside.admin_sign_in.pages import LOGIN, sign_in_ways
from portside.errors import InvalidInput, RateLimited
from portside.web.cookies import admin_cookie
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={
        InvalidInput: "admin_sign_in/challenge.html",  # a code that is not six digits, a password Cognito refuses
        password_and_code.AdminSignInRefused: LOGIN,  # a wrong code: start again, as after a wrong password
        password_and_code.PasswordSignInOff: LOGIN,
        RateLimited: LOGIN,
    },
    error_context=sign_in_ways,
    # The challenge step carries Cognito's session, which is never kept: it answers the POST itself.
    shown_in_place=frozenset({"admin_sign_in/challenge.html"}),
)
ANSWERS: dict[str, type[AdminChallengeForm]] = {
    password_and_code.TOTP_CODE: AdminCodeAnswer,
    password_and_code.MFA_SETUP: AdminCodeAnswer,
    password_and_code.NEW_PASSWORD: AdminNewPasswordAnswer,
}


@endpoint
def answer_challenge(request: PortalRequest) -> Response:
    challenge = request.form.get("challenge", "")
    if challenge not in ANSWERS:
        raise password_and_code.AdminSignInRefused("unknown challenge")
    form = parse_form(ANSWERS[challenge], request.form)
    outcome = password_and_code.answer(
        request.tenant,
        form.email,
        challenge,
        form.session,
        request.client,
        code=getattr(form, "code", ""),
        new_password=getattr(form, "new_password", ""),
    )
    if isinstance(outcome, password_and_code.Challenge):
        return page(request, "admin_sign_in/challenge.html", step=outcome.form_values(form.next), errors={}, error=None)
    target = password_and_code.safe_admin_next(form.next) or "/admin"
    return redirect(target, cookies=[admin_cookie(outcome.cookie_value, outcome.max_age_seconds)])


handler = endpoint.handler
