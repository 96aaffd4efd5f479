"""The local portal: browser requests in, API Gateway events to the handlers, their answers back out."""

from __future__ import annotations

import base64
import json
import time
from html import escape
from typing import Any

from werkzeug.wrappers import Request, Response

from infra.local.events import LambdaContext, http_event
from infra.local.mail_catcher import MailCatcher
from infra.local.router import HandlerInstances, match
from infra.local.totp import LOCAL_TOTP_SECRET, current_code, seconds_left
from portside.manifest import WORKERS

DEV_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}


class LocalPortal:
    def __init__(self, instances: HandlerInstances, mail: MailCatcher, quiet: bool = False) -> None:
        self._instances = instances
        self._mail = mail
        self._quiet = quiet

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        started = time.perf_counter()
        response = self._dev(request) if request.path.startswith("/_dev/") else self._invoke(request)
        if not self._quiet:
            elapsed = (time.perf_counter() - started) * 1000
            print(
                f"{request.method} {request.full_path.rstrip('?')} -> {response.status_code} ({elapsed:.0f} ms)",
                flush=True,
            )
        return response(environ, start_response)

    def _invoke(self, request: Request) -> Response:
        found = match(request.method, request.path)
        if found is None:  # what API Gateway answers when no route matches
            return Response(json.dumps({"message": "Not Found"}), status=404, content_type="application/json")
        route, params = found
        event = http_event(
            request.method,
            request.path,
            route_key=route.route_key,
            query=request.query_string.decode(),
            headers={name: value for name, value in request.headers.items()},
            body=request.get_data(),
            source_ip=request.remote_addr or "127.0.0.1",
            path_params=params,
            host=request.host,
        )
        result = self._instances.invoke(route.handler, event, LambdaContext(function_name=route.name))
        body = result.get("body") or ""
        payload = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode()
        response = Response(b"" if request.method == "HEAD" else payload, status=result.get("statusCode", 200))
        for name, value in (result.get("headers") or {}).items():
            response.headers[name] = value
        for cookie in result.get("cookies") or []:
            response.headers.add("Set-Cookie", cookie)
        return response

    def _dev(self, request: Request) -> Response:
        if request.path.startswith("/_dev/jobs/") and request.method == "POST":
            # The daily jobs EventBridge runs at 05:00 UTC, on demand: `curl -X POST .../_dev/jobs/deal_protection`.
            name = request.path.removeprefix("/_dev/jobs/")
            job = next((w for w in WORKERS if w.name == name and w.source == "schedule"), None)
            if job is None:
                return Response("No such daily job", status=404, headers=DEV_HEADERS)
            result = self._instances.invoke(job.handler, {"source": "local"}, LambdaContext(function_name=job.name))
            return Response(json.dumps(result), content_type="application/json", headers=DEV_HEADERS)
        if request.path == "/_dev/totp":
            # The demo admins' current code, for a newcomer without an authenticator app at hand.
            body = (
                "<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport content='width=device-width'>"
                f"<title>Admin code</title><h1>Demo admins' code: {current_code()}</h1>"
                f"<p>Good for {seconds_left():.0f} more seconds. From the local TOTP secret {LOCAL_TOTP_SECRET};"
                " reload for the next code. This page exists only in the local runtime.</p>"
            )
            return Response(body, content_type="text/html; charset=utf-8", headers=DEV_HEADERS)
        self._mail.collect()
        mails = self._mail.all()
        if request.path == "/_dev/mail.json":
            return Response(json.dumps(mails), content_type="application/json", headers=DEV_HEADERS)
        if request.path == "/_dev/mail":
            items = "".join(
                f"<article><h2>{escape(str(m['subject']))}</h2><p>To: {escape(', '.join(m['to']))}</p>"  # type: ignore[arg-type]
                + "".join(f'<p><a href="{escape(link)}">{escape(link)}</a></p>' for link in m["links"])  # type: ignore[attr-defined]
                + f"<pre>{escape(str(m['text']))}</pre></article><hr>"
                for m in reversed(mails)
            )
            body = (
                "<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport content='width=device-width'>"
                "<title>Caught mail</title><h1>Caught mail (local runtime only)</h1>"
                + (
                    items
                    or "<p>No mail yet. Ask for a sign-in link at <a href='/partners/login'>/partners/login</a>.</p>"
                )
            )
            return Response(body, content_type="text/html; charset=utf-8", headers=DEV_HEADERS)
        return Response("Not Found", status=404, headers=DEV_HEADERS)
