"""API Gateway HTTP API (payload format 2.0) events, built the way API Gateway builds them.

The one event factory: the local runtime turns every browser request into one of these,
and the functional tests call handlers with them.
"""

from __future__ import annotations

import base64
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl


def http_event(
    method: str,
    path: str,
    *,
    route_key: str,
    query: str = "",
    headers: dict[str, str] | None = None,
    cookies: list[str] | None = None,
    body: bytes = b"",
    source_ip: str = "127.0.0.1",
    path_params: dict[str, str] | None = None,
    host: str = "127.0.0.1:8000",
) -> dict[str, Any]:
    """Headers are lower-cased and repeated ones comma-joined; cookies travel in their own array."""
    lowered: dict[str, str] = {"host": host}
    for name, value in (headers or {}).items():
        key = name.lower()
        if key == "cookie":
            cookies = [*(cookies or []), *(part.strip() for part in value.split(";") if part.strip())]
            continue
        lowered[key] = f"{lowered[key]},{value}" if key in lowered and key != "host" else value
    query_params: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        query_params[name] = f"{query_params[name]},{value}" if name in query_params else value
    now = time.time()
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route_key,
        "rawPath": path,
        "rawQueryString": query,
        "headers": lowered,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "local",
            "domainName": lowered["host"].split(":")[0],
            "domainPrefix": lowered["host"].split(".")[0],
            "http": {
                "method": method.upper(),
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": lowered.get("user-agent", ""),
            },
            "requestId": uuid.uuid4().hex,
            "routeKey": route_key,
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)),
            "timeEpoch": int(now * 1000),
        },
        "isBase64Encoded": bool(body),
    }
    if cookies:
        event["cookies"] = cookies
    if query_params:
        event["queryStringParameters"] = query_params
    if path_params:
        event["pathParameters"] = path_params
    if body:
        event["body"] = base64.b64encode(body).decode()
    return event


@dataclass
class LambdaContext:
    """What a handler's ``context`` argument offers on Lambda, enough for Powertools."""

    function_name: str = "portside-local"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:portside-local"
    aws_request_id: str = ""

    def __post_init__(self) -> None:
        self.aws_request_id = self.aws_request_id or uuid.uuid4().hex

    def get_remaining_time_in_millis(self) -> int:
        return 30_000
