"""API Gateway's HTTP API (payload 2.0) as the portal speaks it: the event read, the response written.

Each function serves exactly one manifest route and API Gateway has already routed the request,
so there is nothing left to route: a general resolver would match the path a second time, and
cost about 70 ms of every cold start (docs/benchmark.md, "Cold starts"). What is left is this: read the
event's few fields, and write the response in the shape API Gateway expects.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from aws_lambda_powertools.shared.cookies import Cookie


class HttpEvent:
    """The fields of an HTTP API event the portal reads; header names in lower case, as API Gateway sends them."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self._context: dict[str, Any] = raw.get("requestContext") or {}
        self._http: dict[str, Any] = self._context.get("http") or {}

    @property
    def method(self) -> str:
        return str(self._http.get("method", "GET")).upper()

    @property
    def path(self) -> str:
        """The path as the routes name it: without the stage, unless the stage is ``$default``."""
        raw_path = str(self.raw.get("rawPath") or "/")
        stage = self._context.get("stage", "$default")
        if stage != "$default" and raw_path.startswith(f"/{stage}"):
            return raw_path[len(stage) + 1 :] or "/"
        return raw_path

    @property
    def raw_query_string(self) -> str:
        return str(self.raw.get("rawQueryString") or "")

    @cached_property
    def headers(self) -> dict[str, str]:
        return {str(name).lower(): str(value) for name, value in (self.raw.get("headers") or {}).items()}

    @property
    def cookies(self) -> list[str]:
        return list(self.raw.get("cookies") or [])

    @property
    def query_string_parameters(self) -> dict[str, str]:
        return dict(self.raw.get("queryStringParameters") or {})

    @property
    def request_id(self) -> str:
        return str(self._context.get("requestId", ""))

    @property
    def source_ip(self) -> str:
        return str(self._http.get("sourceIp", ""))

    @property
    def body(self) -> str:
        return str(self.raw.get("body") or "")

    @property
    def is_base64_encoded(self) -> bool:
        return bool(self.raw.get("isBase64Encoded"))


@dataclass
class Response:
    status_code: int
    body: str | bytes = ""  # bytes (an image) travel base64-encoded
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    cookies: list[Cookie] = field(default_factory=list)

    def as_result(self) -> dict[str, Any]:
        """The Lambda result API Gateway turns into the HTTP response."""
        headers = dict(self.headers)
        if self.content_type:
            headers.setdefault("Content-Type", self.content_type)
        binary = isinstance(self.body, bytes)
        return {
            "statusCode": self.status_code,
            "headers": headers,
            "cookies": [str(cookie) for cookie in self.cookies],
            "body": base64.b64encode(self.body).decode() if isinstance(self.body, bytes) else self.body,
            "isBase64Encoded": binary,
        }
