"""Edge rules: CSRF origin checks, client addresses, keys derived by the models."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from infra.local.events import http_event
from portside.config import settings
from portside.data.models.contacts import Contact, Session, SignInToken
from portside.data.schema import table_shape
from portside.errors import CsrfRejected
from portside.manifest import ROUTES
from portside.web.csrf import check_origin, check_token
from portside.web.http import HttpEvent
from portside.web.request import PortalRequest


@pytest.mark.parametrize(
    ("fetch_site", "origin", "allowed"),
    [
        ("same-origin", None, True),
        ("none", None, True),
        ("cross-site", None, False),
        ("cross-site", "http://127.0.0.1:8000", False),
        (None, None, True),
        (None, "http://127.0.0.1:8000", True),
        (None, "https://evil.example", False),
        (None, "null", False),
    ],
)
def test_fetch_metadata_and_origin(fetch_site: str | None, origin: str | None, allowed: bool) -> None:
    if allowed:
        check_origin(fetch_site, origin, "127.0.0.1:8000")
    else:
        with pytest.raises(CsrfRejected):
            check_origin(fetch_site, origin, "127.0.0.1:8000")


@pytest.mark.parametrize(
    ("submitted", "expected"), [(None, "a" * 43), ("", "a" * 43), ("b" * 43, "a" * 43), ("a" * 43, None)]
)
def test_csrf_tokens_must_match(submitted: str | None, expected: str | None) -> None:
    with pytest.raises(CsrfRejected):
        check_token(submitted, expected)


def request_from(source_ip: str, headers: dict[str, str]) -> PortalRequest:
    event = http_event(
        "GET", "/", route_key="GET /", headers=headers, source_ip=source_ip, host="abc.execute-api.example"
    )
    return PortalRequest(HttpEvent(event), ROUTES[0], tenant=None, csp_nonce="n")  # type: ignore[arg-type]


def test_viewer_headers_count_only_from_the_edge(monkeypatch: pytest.MonkeyPatch) -> None:
    viewer = {"x-viewer-ip": "203.0.113.5", "x-viewer-host": "partners.northwind.example"}
    monkeypatch.setenv("PORTSIDE_EDGE_SECRET", "s" * 48)
    settings.cache_clear()
    try:
        edge = request_from("130.176.1.1", {**viewer, "x-origin-verify": "s" * 48})
        assert (edge.client.ip, edge.host) == ("203.0.113.5", "partners.northwind.example")
        for forged in ({**viewer}, {**viewer, "x-origin-verify": "wrong"}):
            direct = request_from("198.51.100.9", forged)
            assert (direct.client.ip, direct.host) == ("198.51.100.9", "abc.execute-api.example")
    finally:
        settings.cache_clear()


def test_without_an_edge_secret_viewer_headers_are_ignored() -> None:
    spoofed = request_from(
        "198.51.100.9", {"x-viewer-ip": "6.6.6.6", "x-viewer-host": "a.example", "x-origin-verify": ""}
    )
    assert (spoofed.client.ip, spoofed.host) == ("198.51.100.9", "abc.execute-api.example")


def test_keys_are_derived_by_the_models_and_start_with_the_tenant() -> None:
    assert Contact.keys_for("northwind", "c1") == ("T#northwind#CONTACT#c1", "CONTACT")
    assert Session.keys_for("northwind", "c1", "h") == ("T#northwind#CONTACT#c1", "SESSION#h")
    assert SignInToken.keys_for("northwind", "h") == ("T#northwind#TOKEN#h", "TOKEN")
    invited_at = datetime(2026, 11, 1, tzinfo=UTC)
    contact = Contact.build("northwind", "c1", "acme", "a@acme.example", "Ann", "technical", created_at=invited_at)
    assert (contact.PK, contact.SK, contact.GSI1PK, contact.GSI2PK) == (
        "T#northwind#CONTACT#c1",
        "CONTACT",
        "T#northwind#PARTNER#acme#CONTACTS",
        "T#northwind#CONTACTS",
    )
    assert contact.GSI2SK == "0#2026-11-01T00:00:00+00:00#c1"  # invited contacts sort first, by invite time


def test_the_table_shape_is_read_off_the_models() -> None:
    shape = table_shape()
    assert (shape.partition_key, shape.sort_key, shape.ttl_attribute) == ("PK", "SK", "ttl")
    assert [(i.name, i.partition_key, i.sort_key) for i in shape.indexes] == [
        ("GSI1", "GSI1PK", "GSI1SK"),
        ("GSI2", "GSI2PK", "GSI2SK"),
    ]
    assert shape.stream_view_type == "NEW_IMAGE"
