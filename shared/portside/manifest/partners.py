"""The partner portal's routes: the public sign-in pages and every page of a signed-in contact."""

from __future__ import annotations

from portside.manifest.lines import PARTNER, PUBLIC, R, Route, W

ROUTES: tuple[Route, ...] = (
    Route("home", "GET", "/", "functions.partners.home", PUBLIC, ()),
    Route("partner_login_form", "GET", "/partners/login", "functions.partners.login_form", PUBLIC, (R,)),
    Route(
        "partner_login_request",
        "POST",
        "/partners/login",
        "functions.partners.login_request",
        PUBLIC,
        (W,),
        form_page="/partners/login",
    ),
    Route("partner_check_mail", "GET", "/partners/login/check", "functions.partners.check_mail", PUBLIC, (R,)),
    Route(
        "partner_code_sign_in",
        "POST",
        "/partners/login/code",
        "functions.partners.code_sign_in",
        PUBLIC,
        (W,),
        form_page="/partners/login/check",
    ),
    Route("partner_magic_confirm", "GET", "/partners/auth/magic", "functions.partners.magic_confirm", PUBLIC, (R,)),
    Route("partner_magic_spend", "POST", "/partners/auth/magic", "functions.partners.magic_spend", PUBLIC, (W,)),
    Route(
        "partner_logout",
        "POST",
        "/partners/logout",
        "functions.partners.logout",
        PARTNER,
        (W,),
        form_page="/partners/dashboard",
    ),
    Route(
        "partner_dashboard",
        "GET",
        "/partners/dashboard",
        "functions.partners.dashboard",
        PARTNER,
        (R,),
        permission=("dashboard", "view"),
    ),
    # Admin sign-in: Cognito's sign-in calls need no IAM grant (they are made with the user's own credentials).
)
