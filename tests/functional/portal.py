"""Drives handlers the way API Gateway does: manifest route -> event -> handler -> response."""

from __future__ import annotations

import html
import importlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses import ses_backends

from infra.local.events import LambdaContext, http_event
from infra.local.mail_catcher import CaughtMail, MailCatcher
from infra.local.router import match
from infra.local.seed import ADMIN_PASSWORD
from infra.local.totp import fresh_code
from portside import clock
from portside.admin_sign_in.password_and_code import CODE_REUSE_WINDOW
from portside.aws import client
from portside.config import settings
from portside.manifest import STREAM_ITEM_TYPES
from portside.sign_in.models import SignInRequest
from portside.web import form_drafts
from tests.functional.fresh_stack import on_fresh_stack


def shows_refused_form(location: str) -> bool:
    """A redirect to the page that shows a refused form again."""
    return f"{form_drafts.QUERY}=" in urlsplit(location).query


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    cookies: list[str]
    body: str

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")

    def cookie(self, name: str) -> str | None:
        """The raw Set-Cookie line for ``name``."""
        return next((line for line in self.cookies if line.startswith(name + "=")), None)

    def hidden_fields(self) -> dict[str, str]:
        pairs = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', self.body)
        return {name: html.unescape(value) for name, value in pairs}

    def field(self, name: str) -> str:
        """The value of the input named ``name`` (other attributes may come between)."""
        found = re.search(rf'name="{name}"[^>]*? value="([^"]*)"', self.body)
        assert found, f"no field {name} in page"
        return found.group(1)


@dataclass
class Portal:
    monkeypatch: pytest.MonkeyPatch
    jar: dict[str, str] = field(default_factory=dict)
    source_ip: str = "203.0.113.10"
    host: str = "127.0.0.1:8000"
    _stream_read: int = 0  # how many of the table's stream records were taken
    _codes_used: set[tuple[str, str]] = field(default_factory=set)

    BASE_URL = "http://127.0.0.1:8000"

    # --- requests -------------------------------------------------------------------------------------------
    def call(
        self,
        method: str,
        path: str,
        *,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        follow_refused: bool = True,
    ) -> Answer:
        """One request; a refused form's redirect to its page is followed, as a browser does."""
        answer = self._call(method, path, form=form, headers=headers)
        if follow_refused and method == "POST" and answer.status == 303 and shows_refused_form(answer.location):
            return self.get(answer.location)
        return answer

    def call_raw(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> Answer:
        """A machine's request (an ERP's push): its own body and headers, and no cookies."""
        return self._call(method, path, form=None, headers=headers, body=body, with_cookies=False)

    def _call(
        self,
        method: str,
        path: str,
        *,
        form: dict[str, str] | None,
        headers: dict[str, str] | None,
        body: bytes | None = None,
        with_cookies: bool = True,
    ) -> Answer:
        path, _, query = path.partition("?")
        found = match(method, path)
        assert found, f"no route for {method} {path}"
        route, params = found
        if body is None:
            body = urlencode(form, doseq=True).encode() if form is not None else b""  # a list: a checkbox group
        event = http_event(
            method,
            path,
            route_key=route.route_key,
            query=query,
            headers={"content-type": "application/x-www-form-urlencoded", "user-agent": "pytest", **(headers or {})},
            cookies=[f"{name}={value}" for name, value in self.jar.items()] if with_cookies else [],
            body=body,
            source_ip=self.source_ip,
            path_params=params,
            host=self.host,
        )
        handler = importlib.import_module(route.handler).handler
        result = on_fresh_stack(handler, event, LambdaContext(function_name=route.name))
        answer = Answer(result["statusCode"], result.get("headers", {}), result.get("cookies", []), result["body"])
        self._keep_cookies(answer)
        return answer

    def get(self, path: str, **kwargs: Any) -> Answer:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, form: dict[str, str], **kwargs: Any) -> Answer:
        return self.call("POST", path, form=form, **kwargs)

    def _keep_cookies(self, answer: Answer) -> None:
        for line in answer.cookies:
            name, _, rest = line.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in line:
                self.jar.pop(name, None)
            else:
                self.jar[name] = value

    def cookies_named(self, name: str) -> list[str]:
        return [value for key, value in self.jar.items() if key == name]

    # --- journeys -------------------------------------------------------------------------------------------
    def csrf(self) -> str:
        """The pre-session CSRF token, as the sign-in page hands it out."""
        return self.get("/partners/login").field("csrf_token")

    def request_link(self, email: str, next_path: str = "") -> Answer:
        return self.post("/partners/login", {"csrf_token": self.csrf(), "email": email, "next": next_path})

    def sign_in(self, email: str) -> Answer:
        assert self.request_link(email).status == 303
        token = self.link_token(self.last_mail_to(email))
        return self.post("/partners/auth/magic", {"csrf_token": self.csrf(), "token": token})

    # --- the admin console ----------------------------------------------------------------------------------
    def admin_sign_in(self, email: str, password: str = ADMIN_PASSWORD, code: str | None = None) -> Answer:
        """Password, then the authenticator's code; the answer of the last step (or of any other challenge)."""
        csrf = self.get("/admin/login").field("csrf_token")
        step = self.post("/admin/login", {"csrf_token": csrf, "email": email, "password": password})
        if step.status != 200 or step.hidden_fields().get("challenge") != "SOFTWARE_TOKEN_MFA":
            return step
        return self.post("/admin/login/challenge", {**step.hidden_fields(), "code": code or self.unused_code(email)})

    def unused_code(self, email: str) -> str:
        """The authenticator's code; one this admin already used moves the clock past its window first,
        as if they had waited for the next code (the portal refuses a code reused within its window)."""
        code = fresh_code()
        if (email, code) in self._codes_used:
            self.advance_clock(CODE_REUSE_WINDOW)
        self._codes_used.add((email, code))
        return code

    def admin_csrf(self) -> str:
        return self.get("/admin").field("csrf_token")

    def admin_post(self, path: str, form: dict[str, str] | None = None) -> Answer:
        """A console form post, with the admin session's CSRF token."""
        return self.post(path, {"csrf_token": self.admin_csrf(), **(form or {})})

    # --- mail -----------------------------------------------------------------------------------------------
    def lose_stream_records(self) -> None:
        """The stream records written so far never reach the worker, as when a stream loses them."""
        self.outbox_records()

    def outbox_records(self) -> list[dict[str, Any]]:
        """Each new item the mail worker takes (mail, link requests, announcements) as its stream INSERT record.

        moto's in-process DynamoDB Streams API does not answer (its server mode, which the local runtime
        reads, does), but its table keeps the stream's records: read from there, in the order written,
        each once. (A Scan of the table did the same at a cost that grew with the table.)
        """
        from moto.core import DEFAULT_ACCOUNT_ID
        from moto.dynamodb.models import dynamodb_backends

        region = client("dynamodb").meta.region_name
        shard = dynamodb_backends[DEFAULT_ACCOUNT_ID][region].get_table(settings().table_name).stream_shard
        fresh = shard.items[self._stream_read :]
        self._stream_read += len(fresh)
        return [
            record.record
            for record in fresh
            if record.record["eventName"] == "INSERT"
            and record.record["dynamodb"]["NewImage"].get("type", {}).get("S") in STREAM_ITEM_TYPES
        ]

    @staticmethod
    def fulfil_sign_in_requests() -> None:
        """What the stream worker does with each request for a link: the link and its mail's outbox item."""
        from portside.sign_in import asking

        for request in SignInRequest.scan():  # test-only Scan
            asking.fulfil((request.PK, request.SK))

    @staticmethod
    def run_mail_worker(records: list[dict[str, Any]]) -> dict[str, Any]:
        if not records:  # Lambda never invokes a stream consumer with an empty batch
            return {"batchItemFailures": []}
        from functions.delivery.mail_sender import handler

        return handler({"Records": records}, LambdaContext(function_name="mail_sender"))  # type: ignore[no-any-return]

    def deliver_mail(self) -> dict[str, Any]:
        """Run the worker until the stream is drained: a fulfilled sign-in request writes the mail to send."""
        answer: dict[str, Any] = {"batchItemFailures": []}
        while records := self.outbox_records():
            answer = self.run_mail_worker(records)
        return answer

    def sent_mail(self) -> list[CaughtMail]:
        self.deliver_mail()
        sent = ses_backends[DEFAULT_ACCOUNT_ID]["us-east-1"].sent_messages
        return [MailCatcher._parse(raw) for raw in sent]

    def last_mail_to(self, email: str) -> CaughtMail:
        mails = [mail for mail in self.sent_mail() if email in mail.to]
        assert mails, f"no mail to {email}"
        return mails[-1]

    @staticmethod
    def link_token(mail: CaughtMail) -> str:
        link = next(link for link in mail.links if "/partners/auth/magic" in link)
        return urlsplit(link).query.removeprefix("token=")

    @staticmethod
    def code_in(mail: CaughtMail) -> str:
        found = re.search(r"\b(\d{6})\b", mail.text)
        assert found
        return found.group(1)

    # --- time -----------------------------------------------------------------------------------------------
    def advance_clock(self, delta: timedelta) -> None:
        moved: datetime = clock.now() + delta
        self.monkeypatch.setattr(clock, "now", lambda: moved)
