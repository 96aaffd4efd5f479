"""The two small pieces that replaced libraries for the cold start's sake: the HTTP API adapter and the settings."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from aws_lambda_powertools.shared.cookies import Cookie

from infra.local.events import http_event
from portside.config import Settings
from portside.web.http import HttpEvent, Response


def test_an_event_is_read_as_api_gateway_sends_it() -> None:
    raw = http_event("POST", "/partners/login", route_key="POST /partners/login", query="next=%2Fx", body=b"a=1")
    raw["headers"]["X-Mixed-Case"] = "yes"
    event = HttpEvent(raw)

    assert (event.method, event.path, event.raw_query_string) == ("POST", "/partners/login", "next=%2Fx")
    assert event.headers["x-mixed-case"] == "yes"
    assert event.request_id and event.source_ip


def test_a_named_stage_is_not_part_of_the_path() -> None:
    raw = http_event("GET", "/prod/partners/login", route_key="GET /partners/login")
    raw["requestContext"]["stage"] = "prod"
    assert HttpEvent(raw).path == "/partners/login"
    raw["requestContext"]["stage"] = "$default"
    assert HttpEvent(raw).path == "/prod/partners/login"


def test_a_response_becomes_the_result_api_gateway_expects() -> None:
    page = Response(200, "<p>hi</p>", "text/html", cookies=[Cookie(name="a", value="b", secure=True)])
    image = Response(200, b"\x89PNG", "image/png")

    result = page.as_result()
    assert result["headers"]["Content-Type"] == "text/html" and result["body"] == "<p>hi</p>"
    assert result["cookies"] == ["a=b; Secure"] and result["isBase64Encoded"] is False
    assert image.as_result()["isBase64Encoded"] is True
    assert base64.b64decode(image.as_result()["body"]) == b"\x89PNG"


def test_settings_come_from_portside_variables() -> None:
    found = Settings.from_environment(
        {"PORTSIDE_TABLE_NAME": "t", "PORTSIDE_MAIL_MAX_ATTEMPTS": "7", "PORTSIDE_TEMPLATES_DIR": "/srv/templates"}
    )
    assert (found.table_name, found.mail_max_attempts, found.templates_dir) == ("t", 7, Path("/srv/templates"))
    assert Settings.from_environment({}).stage == "local"
    assert Settings.from_environment({"PORTSIDE_STAGE": "staging"}).stage == "staging", "any stage the stack takes"


@pytest.mark.parametrize(
    ("environ", "said"),
    [({"PORTSIDE_MAIL_MAX_ATTEMPTS": "five"}, "whole number"), ({"PORTSIDE_STAGE": "Staging EU"}, "a stage name")],
)
def test_a_bad_setting_is_named(environ: dict[str, str], said: str) -> None:
    with pytest.raises(ValueError, match=said):
        Settings.from_environment(environ)


def test_the_edge_secret_never_reaches_a_log_line() -> None:
    assert "s3cret" not in repr(Settings.from_environment({"PORTSIDE_EDGE_SECRET": "s3cret"}))
