"""Partner sign-in's lines: the front door, asking for a link, the code typed on another device, the link
opened and pressed, and signing out."""

from __future__ import annotations

from portside.manifest.lines import PARTNER, Feature, R, Route, W

sign_in = Feature("sign_in")

ROUTES: tuple[Route, ...] = (
    sign_in.public("home", "GET", "/", ()),
    sign_in.public("partner_login_form", "GET", "/partners/login", (R,)),
    sign_in.public("partner_login_request", "POST", "/partners/login", (W,), form_page="/partners/login"),
    sign_in.public("partner_check_mail", "GET", "/partners/login/check", (R,)),
    sign_in.public("partner_code_sign_in", "POST", "/partners/login/code", (W,), form_page="/partners/login/check"),
    sign_in.public("partner_magic_confirm", "GET", "/partners/auth/magic", (R,)),
    sign_in.public("partner_magic_spend", "POST", "/partners/auth/magic", (W,)),
    sign_in.signed_in("partner_logout", "POST", "/partners/logout", PARTNER, (W,), form_page="/partners/dashboard"),
)
