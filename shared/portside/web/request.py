"""What a handler sees of a request: the tenant, the principal, the client, the form."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import parse_qs

from aws_lambda_powertools.shared.cookies import Cookie

from portside.audit import Client
from portside.auth.principal import AdminPrincipal, PartnerPrincipal, Principal
from portside.auth.secrets import same
from portside.config import settings
from portside.data.models.tenants import Tenant
from portside.manifest import Route
from portside.web.edge_secret import edge_secret
from portside.web.http import HttpEvent

MAX_FORM_BYTES = 64 * 1024
VIEWER_IP, VIEWER_HOST = "x-viewer-ip", "x-viewer-host"  # set by the edge's viewer-request function
ORIGIN_VERIFY = "x-origin-verify"  # added by CloudFront to every request it forwards


def from_edge(headers: dict[str, str]) -> bool:
    """Whether the request came through the stack's CloudFront, whose viewer headers can then be believed."""
    presented, found = headers.get(ORIGIN_VERIFY, ""), settings()
    if not presented:
        return False
    if found.edge_secret_arn:
        return edge_secret(found.edge_secret_arn).accepts(presented)
    return bool(found.edge_secret) and same(presented, found.edge_secret or "")


def public_host(headers: dict[str, str]) -> str:
    """The host the browser asked for: it names the tenant and is what a same-origin Origin header carries.

    A request sent to API Gateway's own address, around the edge, keeps API Gateway's host: no tenant has it.
    """
    if from_edge(headers) and headers.get(VIEWER_HOST):
        return headers[VIEWER_HOST]
    return headers.get("host", "")


@dataclass
class PortalRequest:
    event: HttpEvent
    route: Route
    tenant: Tenant
    csp_nonce: str
    path_params: dict[str, str] = field(default_factory=dict)
    principal: Principal | None = None
    csrf_token: str | None = None
    # Cookies the response must set whatever the handler answers (a freshly minted CSRF cookie).
    pending_cookies: list[Cookie] = field(default_factory=list)

    @property
    def partner(self) -> PartnerPrincipal:
        """The signed-in contact of a partner route (the guard lets no one else through)."""
        assert isinstance(self.principal, PartnerPrincipal), "a partner route without a partner principal"
        return self.principal

    @property
    def admin(self) -> AdminPrincipal:
        """The signed-in admin of an admin route (the guard lets no one else through)."""
        assert isinstance(self.principal, AdminPrincipal), "an admin route without an admin principal"
        return self.principal

    def path_param(self, name: str) -> str:
        return self.path_params[name]

    @property
    def method(self) -> str:
        return self.event.method

    @property
    def path(self) -> str:
        return self.event.path

    @property
    def path_and_query(self) -> str:
        query = self.event.raw_query_string
        return f"{self.path}?{query}" if query else self.path

    @property
    def request_id(self) -> str:
        return self.event.request_id

    def header(self, name: str) -> str | None:
        return self.event.headers.get(name.lower())

    @cached_property
    def cookies(self) -> dict[str, str]:
        jar: dict[str, str] = {}
        for pair in self.event.cookies:
            name, _, value = pair.partition("=")
            jar.setdefault(name.strip(), value.strip())
        return jar

    @property
    def query_params(self) -> dict[str, str]:
        return self.event.query_string_parameters

    def query(self, name: str) -> str | None:
        return self.query_params.get(name)

    @property
    def form(self) -> dict[str, str]:
        """The url-encoded form body; a field sent twice keeps its first value. Empty when unreadable."""
        return {name: values[0] for name, values in self._read_form[0].items()}

    def form_all(self, name: str) -> list[str]:
        """Every value of a field sent more than once (a group of checkboxes)."""
        return list(self._read_form[0].get(name, []))

    @property
    def form_shown(self) -> dict[str, str]:
        """The form as a refused one is shown again: a field sent more than once as its values joined by commas."""
        return {name: ",".join(values) for name, values in self._read_form[0].items()}

    @property
    def form_problem(self) -> str | None:
        """Why the body cannot be read as a form (too large, not UTF-8), or None."""
        return self._read_form[1]

    @cached_property
    def _read_form(self) -> tuple[dict[str, list[str]], str | None]:
        raw = self._raw_body
        if len(raw) > MAX_FORM_BYTES:
            return {}, "This form is too large to send. Shorten what you typed and try again."
        try:
            pairs = parse_qs(raw.decode("utf-8"), keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            return {}, "This form could not be read. Reload the page and try again."
        return pairs, None

    @property
    def body_bytes(self) -> bytes:
        """The body as sent (a JSON route reads it whole; forms go through ``form``)."""
        return self._raw_body

    @property
    def _raw_body(self) -> bytes:
        body = self.event.body
        if not self.event.is_base64_encoded:
            return body.encode("utf-8", "surrogatepass")
        try:
            return base64.b64decode(body)
        except (binascii.Error, ValueError):
            return b"\xff"  # not a body API Gateway would send: unreadable

    @property
    def host(self) -> str:
        return public_host(self.event.headers)

    @cached_property
    def client(self) -> Client:
        ip = self.header(VIEWER_IP) if from_edge(self.event.headers) else None
        return Client(ip=ip or self.event.source_ip, user_agent=self.header("user-agent"))
