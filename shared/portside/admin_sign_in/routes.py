"""Admin sign-in's lines: password and authenticator code through Cognito, single sign-on through the company's
identity provider, and signing out. Cognito's sign-in calls need no IAM grant (they are made with the user's
own credentials)."""

from __future__ import annotations

from portside.manifest.lines import ADMIN, Feature, R, Route, W

admin_sign_in = Feature("admin_sign_in")

ROUTES: tuple[Route, ...] = (
    admin_sign_in.public("admin_login_form", "GET", "/admin/login", (R,)),
    admin_sign_in.public("admin_login", "POST", "/admin/login", (W,), form_page="/admin/login"),
    admin_sign_in.public("admin_login_challenge", "POST", "/admin/login/challenge", (W,), form_page="/admin/login"),
    admin_sign_in.signed_in("admin_logout", "POST", "/admin/logout", ADMIN, (W,), form_page="/admin"),
    # Single sign-on: to the identity provider and back (each writes: the attempt, then the session).
    admin_sign_in.public("admin_sso_start", "GET", "/admin/login/sso", (W,)),
    admin_sign_in.public("admin_sso_callback", "GET", "/admin/login/sso/callback", (W,)),
)
