"""Every manifest route: explicitly public or guarded, and every answer carries the security headers."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from portside.manifest import ROUTES, WORKERS, Audience, Route
from tests.functional.portal import Portal

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"),
    "Strict-Transport-Security": ("max-age=63072000",),
    "X-Content-Type-Options": ("nosniff",),
    "Referrer-Policy": ("no-referrer",),
    "Cross-Origin-Opener-Policy": ("same-origin",),
}
FUNCTIONS = Path(__file__).resolve().parents[2] / "functions"
# What the same host answers everyone alike and names no one may be kept by browsers and CloudFront.
CACHEABLE = {"favicon": "public, max-age=3600"}


def example_path(route: Route) -> str:
    if route.path == "/{proxy+}":
        return "/no/such/page"
    return re.sub(r"\{\w+\}", "example", route.path)


def assert_security_headers(headers: dict[str, str]) -> None:
    for name, fragments in SECURITY_HEADERS.items():
        assert name in headers, f"missing {name}"
        for fragment in fragments:
            assert fragment in headers[name]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_each_route_is_public_or_guarded_and_answers_with_security_headers(portal: Portal, route: Route) -> None:
    method = "GET" if route.method == "ANY" else route.method

    answer = portal.call(method, example_path(route), form={} if method == "POST" else None)

    assert_security_headers(answer.headers)
    assert answer.headers.get("Cache-Control") == CACHEABLE.get(route.name, "no-store")
    login = "/admin/login?next=" if route.audience is Audience.ADMIN else "/partners/login?next="
    sent_to_sign_in = answer.status == 303 and answer.location.startswith(login)
    if route.audience is Audience.PUBLIC:
        assert not sent_to_sign_in
    elif route.audience is Audience.API:  # a machine's route: no sign-in page, a JSON 401 naming the scheme
        assert answer.status == 401 and answer.headers["Content-Type"].startswith("application/json")
        assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    else:
        assert sent_to_sign_in, f"{route.route_key} answered {answer.status} without a session"


def test_every_handler_module_is_a_manifest_line_and_a_route_finds_its_own() -> None:
    modules = {
        ".".join(path.relative_to(FUNCTIONS.parent).with_suffix("").parts)
        for path in FUNCTIONS.rglob("*.py")
        if path.name != "__init__.py"
    }

    assert modules == {line.handler for line in (*ROUTES, *WORKERS)}
    for route in ROUTES:
        assert importlib.import_module(route.handler).endpoint.route is route


def test_an_unknown_host_gets_a_plain_404(portal: Portal) -> None:
    portal.host = "portal.someone-else.example"

    answer = portal.get("/partners/login")

    assert answer.status == 404
    assert "Northwind" not in answer.body
    assert_security_headers(answer.headers)


def test_errors_are_generic_pages_with_a_request_id(portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    portal.sign_in("principal@acme.example")

    def explode(*_: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(importlib.import_module("functions.dashboard.partner_dashboard"), "dashboard_for", explode)
    answer = portal.get("/partners/dashboard")

    assert answer.status == 500
    assert "secret internal detail" not in answer.body and "Traceback" not in answer.body
    assert re.search(r"quote this reference: <code>[0-9a-f]{32}</code>", answer.body)
    assert_security_headers(answer.headers)


def test_when_even_the_branded_error_page_fails_a_neutral_one_answers(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    portal.sign_in("principal@acme.example")

    def explode(*_: object) -> None:
        raise RuntimeError("table unreachable")

    from portside.web import tenants

    monkeypatch.setattr(importlib.import_module("functions.dashboard.partner_dashboard"), "dashboard_for", explode)
    monkeypatch.setattr(tenants, "cached_partner", explode)
    tenants.forget_cached_tenants()
    answer = portal.get("/partners/dashboard")

    assert answer.status == 500
    assert "Partner portal" in answer.body and "table unreachable" not in answer.body
    assert_security_headers(answer.headers)


POST_ONLY = [
    route
    for route in ROUTES
    if route.method == "POST" and not any(r.method == "GET" and r.path == route.path for r in ROUTES)
]


@pytest.mark.parametrize("route", POST_ONLY, ids=[route.name for route in POST_ONLY])
def test_a_get_of_a_post_only_address_leads_to_its_page(portal: Portal, route: Route) -> None:
    """A reload or a back button after a refused form must never land on a 404."""
    assert route.form_page, f"{route.route_key} takes only POST: name its form_page in the manifest"

    answer = portal.call("GET", example_path(route))

    assert answer.status == 303
    target = answer.location
    assert any(r.method == "GET" and re.fullmatch(re.sub(r"\{\w+\}", "[^/]+", r.path), target) for r in ROUTES), (
        f"{route.route_key} sends a GET to {target}, which is no page"
    )


def test_a_path_variable_has_one_name_wherever_paths_share_a_place() -> None:
    """API Gateway refuses ``/x/{a}`` beside ``/x/{b}``: the deploy would fail, so this test fails first."""
    names: dict[tuple[str, ...], set[str]] = {}
    for route in ROUTES:
        parts = route.path.strip("/").split("/")
        for depth, part in enumerate(parts):
            if part.startswith("{") and part != "{proxy+}":
                names.setdefault(tuple(parts[:depth]), set()).add(part)
    clashing = {"/".join(prefix): found for prefix, found in names.items() if len(found) > 1}
    assert not clashing, clashing
