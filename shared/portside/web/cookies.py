"""The portal's cookies: every one ``__Host-`` prefixed, Secure, HttpOnly, Path=/.

Chromium keeps such cookies on http://127.0.0.1 and http://localhost too, so the local
runtime sets exactly the production cookies.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from aws_lambda_powertools.shared.cookies import Cookie, SameSite

from portside.auth.cookie_names import ADMIN_COOKIE, SESSION_COOKIE

PRE_SESSION_CSRF = "__Host-portside-csrf"
PENDING_SIGN_IN = "__Host-portside-pending"  # the address a sign-in link was just asked for
SSO_COOKIE = "__Host-portside-sso"  # the state of a single sign-on under way, bound to this browser
PRE_SESSION_SECONDS = 2 * 60 * 60
PENDING_SECONDS = 30 * 60


def host_cookie(name: str, value: str, max_age: int, same_site: SameSite = SameSite.LAX_MODE) -> Cookie:
    return Cookie(name, value, path="/", secure=True, http_only=True, max_age=max_age, same_site=same_site)


def expired(name: str) -> Cookie:
    return host_cookie(name, "", max_age=0)


def session_cookie(value: str, max_age: int) -> Cookie:
    return host_cookie(SESSION_COOKIE, value, max_age)


def pending_sign_in_cookie(email: str) -> Cookie:
    return host_cookie(PENDING_SIGN_IN, quote(email), PENDING_SECONDS)


def pending_sign_in_email(jar: dict[str, str]) -> str:
    return unquote(jar.get(PENDING_SIGN_IN, ""))[:254]


def signed_in_cookies(session_value: str, max_age: int) -> list[Cookie]:
    """The fresh session cookie, and the pending-address cookie cleared: sign-in is done."""
    return [session_cookie(session_value, max_age), expired(PENDING_SIGN_IN)]


def admin_cookie(value: str, max_age: int) -> Cookie:
    """The admin session: Strict, so no navigation that starts on another site carries it."""
    return host_cookie(ADMIN_COOKIE, value, max_age, same_site=SameSite.STRICT_MODE)


def sso_cookie(state: str, max_age: int) -> Cookie:
    """Lax, not Strict: the provider's redirect back is a navigation from its site, and must carry it."""
    return host_cookie(SSO_COOKIE, state, max_age)
