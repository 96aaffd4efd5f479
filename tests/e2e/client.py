"""A small HTTP client that keeps cookies the way a browser does, over plain HTTP.

``requests`` will not send ``Secure`` cookies to http://127.0.0.1, so this client keeps
its own jar and sends the ``Cookie`` header itself.
"""

from __future__ import annotations

import re
from html import unescape
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import requests

from infra.local.seed import ADMIN_PASSWORD
from infra.local.totp import unused_code


class Visitor:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.jar: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict[str, str] | None = None, **headers: str) -> requests.Response:
        url = path if path.startswith("http") else self.base_url + path
        if self.jar:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.jar.items())
        response = requests.request(method, url, data=data, headers=headers, allow_redirects=False, timeout=30)
        for line in response.raw.headers.getlist("Set-Cookie"):
            cookie = SimpleCookie()
            cookie.load(line)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0":
                    self.jar.pop(name, None)
                else:
                    self.jar[name] = morsel.value
        return response

    def get(self, path: str, **headers: str) -> requests.Response:
        return self.request("GET", path, **headers)

    def post(self, path: str, data: dict[str, str], **headers: str) -> requests.Response:
        """A POST; a refused form's redirect to its page is followed, as a browser does."""
        response = self.request("POST", path, data=data, **headers)
        if response.status_code == 303 and "form=" in urlsplit(response.headers["Location"]).query:
            return self.get(response.headers["Location"])
        return response

    def csrf(self, path: str = "/partners/login") -> str:
        return field(self.get(path).text, "csrf_token")

    def open_link(self, link: str) -> requests.Response:
        parts = urlsplit(link)
        return self.get(f"{parts.path}?{parts.query}")


def field(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no field {name}"
    return found.group(1)


def link_in(mail: dict) -> str:
    return next(link for link in mail["links"] if "/partners/auth/magic" in link)


def token_in(link: str) -> str:
    return urlsplit(link).query.removeprefix("token=")


def code_in(mail: dict) -> str:
    found = re.search(r"\b(\d{6})\b", mail["text"])
    assert found
    return found.group(1)


def hidden_fields(html: str) -> dict[str, str]:
    pairs = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html)
    return {name: unescape(value) for name, value in pairs}


def admin_sign_in(
    visitor: Visitor, email: str, password: str = ADMIN_PASSWORD, code: str | None = None
) -> requests.Response:
    """Password, then the authenticator's code (the local secret's current one unless given)."""
    step = visitor.post(
        "/admin/login", {"csrf_token": visitor.csrf("/admin/login"), "email": email, "password": password}
    )
    if step.status_code != 200:
        return step
    return visitor.post("/admin/login/challenge", {**hidden_fields(step.text), "code": code or unused_code(email)})
