"""Cross-site request forgery defences for every state-changing request.

Two independent checks:

1. Fetch metadata: refuse ``Sec-Fetch-Site: cross-site``; without that header, refuse an
   ``Origin`` that is not this host.
2. A token in the form: bound to the session for signed-in contacts; before sign-in, equal
   to a random ``__Host-`` cookie (a double-submit cookie that subdomains cannot plant).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from portside.auth.secrets import same
from portside.errors import CsrfRejected

FIELD = "csrf_token"


def check_origin(sec_fetch_site: str | None, origin: str | None, host: str | None) -> None:
    if sec_fetch_site is not None:
        if sec_fetch_site.lower() == "cross-site":
            raise CsrfRejected("Sec-Fetch-Site: cross-site")
        return
    if origin is None:
        return
    if origin == "null" or urlsplit(origin).netloc.lower() != (host or "").lower():
        raise CsrfRejected(f"foreign Origin {origin!r}")


def check_token(submitted: str | None, expected: str | None) -> None:
    if not submitted or not expected or not same(submitted, expected):
        raise CsrfRejected("missing or wrong CSRF token")
