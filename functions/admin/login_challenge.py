"""POST /admin/login/challenge: answer Cognito's challenge; the last answer opens the admin session."""

from portside.domain import admin_sign_in
from portside.errors import InvalidInput, RateLimited
from portside.sign_in.forms import AdminChallengeForm, AdminCodeAnswer, AdminNewPasswordAnswer
from portside.web.admin_login import LOGIN, sign_in_ways
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
        InvalidInput: "admin/challenge.html",  # a code that is not six digits, a password Cognito refuses
        admin_sign_in.AdminSignInRefused: LOGIN,  # a wrong code: start again, as after a wrong password
        admin_sign_in.PasswordSignInOff: LOGIN,
        RateLimited: LOGIN,
    },
    error_context=sign_in_ways,
    # The challenge step carries Cognito's session, which is never kept: it answers the POST itself.
    shown_in_place=frozenset({"admin/challenge.html"}),
)
ANSWERS: dict[str, type[AdminChallengeForm]] = {
    admin_sign_in.TOTP_CODE: AdminCodeAnswer,
    admin_sign_in.MFA_SETUP: AdminCodeAnswer,
    admin_sign_in.NEW_PASSWORD: AdminNewPasswordAnswer,
}


@endpoint
def answer_challenge(request: PortalRequest) -> Response:
    challenge = request.form.get("challenge", "")
    if challenge not in ANSWERS:
        raise admin_sign_in.AdminSignInRefused("unknown challenge")
    form = parse_form(ANSWERS[challenge], request.form)
    outcome = admin_sign_in.answer(
        request.tenant,
        form.email,
        challenge,
        form.session,
        request.client,
        code=getattr(form, "code", ""),
        new_password=getattr(form, "new_password", ""),
    )
    if isinstance(outcome, admin_sign_in.Challenge):
        return page(request, "admin/challenge.html", step=outcome.form_values(form.next), errors={}, error=None)
    target = admin_sign_in.safe_admin_next(form.next) or "/admin"
    return redirect(target, cookies=[admin_cookie(outcome.cookie_value, outcome.max_age_seconds)])


handler = endpoint.handler
