"""Response builders: HTML pages, redirects, JSON."""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools.shared.cookies import Cookie

from portside.web.http import Response

HTML = "text/html; charset=utf-8"


def html(body: str, status: int = 200) -> Response:
    return Response(status_code=status, content_type=HTML, body=body)


def redirect(location: str, cookies: list[Cookie] | None = None, status: int = 303) -> Response:
    """303 See Other: after a POST the browser follows with a GET."""
    return Response(status_code=status, headers={"Location": location}, cookies=cookies or [], body="")


def json_body(payload: Any, status: int = 200) -> Response:
    return Response(status_code=status, content_type="application/json", body=json.dumps(payload))
