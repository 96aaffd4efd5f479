"""Partner sign-in: the sign-in pages, links and codes, for a known address and an unknown one."""

from __future__ import annotations

from typing import Any

from tests.bench.scenarios import Scenario, get

EMAIL = "principal@acme.example"
NOBODY = "nobody@acme.example"


def scenarios(portal: Any) -> dict[str, Scenario]:
    def fresh_link() -> str:
        portal.deliver_mail()  # what earlier scenarios asked for first: the newest mail then carries the live link
        portal.request_link(EMAIL)
        return str(portal.link_token(portal.last_mail_to(EMAIL)))

    def fresh_code() -> tuple[str, str]:
        portal.deliver_mail()
        portal.request_link(EMAIL)
        return str(portal.code_in(portal.last_mail_to(EMAIL))), portal.csrf()

    def code(email: str, typed: str | None = None) -> Scenario:
        return fresh_code, lambda args: portal.post(
            "/partners/login/code", {"csrf_token": args[1], "email": email, "code": typed or args[0]}
        )

    def signed_in() -> str:
        portal.sign_in(EMAIL)
        return str(portal.get("/partners/dashboard").field("csrf_token"))

    def request_link(email: str) -> Scenario:
        return portal.csrf, lambda token: portal.post("/partners/login", {"csrf_token": token, "email": email})

    return {
        "partner_login_form": get(portal, "/partners/login"),
        "partner_login_request": request_link(EMAIL),
        "partner_login_request:unknown": request_link(NOBODY),
        "partner_check_mail": get(portal, "/partners/login/check"),
        "partner_code_sign_in": code(EMAIL),
        "partner_code_sign_in:wrong": code(EMAIL, "000000"),
        "partner_code_sign_in:wrong_unknown": code(NOBODY, "000000"),
        "partner_magic_confirm": (fresh_link, lambda token: portal.get(f"/partners/auth/magic?token={token}")),
        "partner_magic_spend": (
            lambda: (fresh_link(), portal.csrf()),
            lambda args: portal.post("/partners/auth/magic", {"csrf_token": args[1], "token": args[0]}),
        ),
        "partner_logout": (signed_in, lambda token: portal.post("/partners/logout", {"csrf_token": token})),
    }
