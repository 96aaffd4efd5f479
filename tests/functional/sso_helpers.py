"""Single sign-on in functional tests: the local stand-in provider on loopback, and a browser's part of the flow.

The handlers run in-process against moto; the provider is the very one ``make dev`` runs, on a
free port, so the code exchange, the keys and the nonce are a real provider's.
"""

from __future__ import annotations

import socket
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import requests

from tests.functional.portal import Answer, Portal

CALLBACK = "/admin/login/sso/callback"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(portal: Portal, next_path: str = "") -> str:
    """Click "Sign in with …": the provider's authorize URL the portal sends the browser to."""
    answer = portal.get("/admin/login/sso" + (f"?next={next_path}" if next_path else ""))
    assert answer.status == 302, answer.body[:300]
    return answer.location


def with_query(url: str, **changes: str) -> str:
    """``url`` with some query parameters replaced."""
    parts = urlsplit(url)
    query = {name: values[0] for name, values in parse_qs(parts.query).items()}
    return urlunsplit(parts._replace(query=urlencode({**query, **changes})))


def query_of(url: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def authorize(authorize_url: str, email: str) -> str:
    """Pick ``email`` on the provider's page: the callback URL (code and state) it sends the browser back to."""
    answer = requests.post(authorize_url, data={"sub": email}, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text[:300]
    return answer.headers["Location"]


def come_back(portal: Portal, callback_url: str) -> Answer:
    parts = urlsplit(callback_url)
    assert parts.path == CALLBACK, callback_url
    return portal.get(f"{parts.path}?{parts.query}")


def sign_in(portal: Portal, email: str, next_path: str = "") -> Answer:
    return come_back(portal, authorize(start(portal, next_path), email))
