"""No input may produce a 5xx: every manifest route, fuzzed (bounded in time) as its own audience.

For each route a signed-in principal who may use it (the partners' principal, the owner) sends
odd path parameters (quotes, backslashes, NUL, emoji, ``#``, very long), odd query values (a
cursor holding part of a key, dates at the edge of the calendar), and bodies that are valid
forms with odd values, forms that are not UTF-8, or no form at all. Whatever comes in, the
answer is below 500 and carries the security headers; a 5xx would carry them too.
"""

from __future__ import annotations

import base64
import importlib
import json
import re
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infra.local import demo_imports
from infra.local.events import LambdaContext, http_event
from portside.manifest import ROUTES, Audience, Route
from portside.web import form_drafts
from tests.functional.portal import Portal, shows_refused_form
from tests.functional.test_routes import assert_security_headers
from tests.unit.test_text_fields import form_models

EXAMPLES = 12  # per route: about seventy routes, a few seconds each

odd_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["'", '"', "\\", "\x00", "#", "%", "../x", "🦄", "a" * 300, "", " ", "\r\n", "null", "0"]),
)
odd_ids = st.one_of(odd_text.filter(lambda value: "/" not in value and value != ""), st.just("demo-acme-initech"))


def cursor_from(key: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


odd_cursors = st.one_of(
    odd_text,
    st.just(cursor_from({"PK": {"S": "T#northwind#AUDIT"}})),  # part of a key
    st.just(cursor_from({"GSI1PK": {"S": "T#northwind#PARTNERS"}})),
    st.just(cursor_from({"GSI2PK": {"S": "T#northwind#DEALS#PENDING"}, "PK": {"S": "x"}})),
    st.just(cursor_from({"PK": {"N": "1"}, "SK": {"S": "x"}})),
)
odd_dates = st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "-1", "99999-01-01", ""])
FIELDS = sorted({name for model in form_models() for name in model.model_fields} - {"csrf_token"})
# Field names too: the forms' own, sent twice, and names no form has (empty, odd bytes, a map key's edge).
odd_names = st.one_of(st.sampled_from(FIELDS), st.sampled_from(["", " ", "\x00", "é", "a b", "_", "9", "x" * 300]))
odd_forms = st.lists(st.tuples(odd_names, odd_text), max_size=6)
odd_bodies = st.one_of(
    st.binary(max_size=60),
    st.sampled_from([b"\xff\xfe\xfa", b"csrf_token=%FF%FE&title=%C3%28", b"=&&==", b"a" * 70_000]),
)


# An ERP's import key, for the API routes (a machine signs each request rather than holding a session).
API_AUTHORIZATION: dict[str, str] = {}


def signed_in_for(portal: Portal, route: Route) -> None:
    if route.audience is Audience.PARTNER:
        portal.sign_in("principal@acme.example")
    elif route.audience is Audience.ADMIN:
        portal.admin_sign_in("owner@northwind.example")
    elif route.audience is Audience.API:
        portal.admin_sign_in("owner@northwind.example")
        created = portal.admin_post("/admin/imports/keys", {"name": "Fuzz"}).body
        key = re.search(r'<code class="secret">(psk_[\w-]+)</code>', created)
        assert key, "no import key made"
        API_AUTHORIZATION["authorization"] = f"Bearer {key.group(1)}"


def call(portal: Portal, route: Route, params: dict[str, str], query: dict[str, str], body: bytes) -> dict[str, Any]:
    method = "GET" if route.method == "ANY" else route.method
    path = route.path.replace("{proxy+}", "no/such/page")
    for name, value in params.items():
        path = path.replace("{" + name + "}", quote(value, safe=""))
    event = http_event(
        method,
        path,
        route_key=route.route_key,
        query=urlencode(query),
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "user-agent": "fuzz",
            "sec-fetch-site": "same-origin",
            **(API_AUTHORIZATION if route.audience is Audience.API else {}),
        },
        cookies=[f"{name}={value}" for name, value in portal.jar.items()],
        body=body,
        path_params=params or None,
        host=portal.host,
    )
    handler = importlib.import_module(route.handler).handler
    answer: dict[str, Any] = handler(event, LambdaContext(function_name=route.name))
    location = answer.get("headers", {}).get("Location", "")
    if answer["statusCode"] == 303 and shows_refused_form(location):  # the form's page, as a browser follows
        shown = portal.get(location)
        return {"statusCode": shown.status, "headers": shown.headers}
    return answer


def csrf_token(portal: Portal, route: Route) -> str:
    if route.audience is Audience.ADMIN:
        return portal.admin_csrf()
    if route.audience is Audience.PARTNER:
        return portal.get("/partners/dashboard").field("csrf_token")
    return portal.csrf()


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_no_input_makes_a_route_answer_5xx(portal: Portal, admin_pool: dict[str, Any], sso: Any, route: Route) -> None:
    """(With single sign-on configured, through the stand-in provider, so that its routes do their work.)"""
    signed_in_for(portal, route)
    token = csrf_token(portal, route)
    names = re.findall(r"\{(\w+)\}", route.path)

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(
        params=st.fixed_dictionaries({name: odd_ids for name in names}),
        query=st.fixed_dictionaries(
            {},
            optional={
                "cursor": odd_cursors,
                "since": odd_dates,
                "until": odd_dates,
                "next": odd_text,
                "form": odd_text,
                "notice": odd_text,
                "token": odd_text,
                "state": odd_text,
                "code": odd_text,
                "error": odd_text,
            },
        ),
        form=odd_forms,
        raw=st.one_of(st.none(), odd_bodies),
    )
    def any_request(
        params: dict[str, str], query: dict[str, str], form: list[tuple[str, str]], raw: bytes | None
    ) -> None:
        body = raw if raw is not None else urlencode([*form, ("csrf_token", token)]).encode()
        answer = call(portal, route, params, query, body if route.method != "GET" else b"")

        assert answer["statusCode"] < 500, (
            f"{route.route_key} answered {answer['statusCode']} to {params} {query} {body[:80]!r}"
        )
        assert_security_headers(answer.get("headers", {}))

    any_request()


# --- each class the fuzzing above samples, tried every time ------------------------------------------------
ODD_IDS = ["'", '"', "\\", "\x00", "🦄", "#", "a#b", "%00", "a" * 300, "..", " "]
ROUTES_WITH_IDS = [route for route in ROUTES if re.search(r"\{\w+\}", route.path) and "{proxy+}" not in route.path]


@pytest.mark.parametrize("route", ROUTES_WITH_IDS, ids=[route.name for route in ROUTES_WITH_IDS])
def test_odd_characters_in_a_path_parameter_are_not_found(
    portal: Portal, admin_pool: dict[str, Any], route: Route
) -> None:
    signed_in_for(portal, route)
    token = csrf_token(portal, route)
    names = re.findall(r"\{(\w+)\}", route.path)
    for odd in ODD_IDS:
        answer = call(portal, route, dict.fromkeys(names, odd), {}, urlencode({"csrf_token": token}).encode())
        assert answer["statusCode"] in (400, 404), f"{route.route_key} answered {answer['statusCode']} to {odd!r}"
        assert_security_headers(answer["headers"])


POST_ROUTES = [route for route in ROUTES if route.method == "POST"]
REAL_IDS = {"kind_or_id": "stock"}  # where a demo deal's id would be refused before the body is read


@pytest.mark.parametrize("route", POST_ROUTES, ids=[route.name for route in POST_ROUTES])
def test_a_body_that_is_not_utf8_is_refused_plainly(portal: Portal, admin_pool: dict[str, Any], route: Route) -> None:
    signed_in_for(portal, route)
    names = re.findall(r"\{(\w+)\}", route.path)
    body = b"csrf_token=" + csrf_token(portal, route).encode() + b"&name=%FF%FE&title=\xc3\x28"

    answer = call(portal, route, {name: REAL_IDS.get(name, "demo-acme-initech") for name in names}, {}, body)

    said = "is not JSON" if route.kind == "json" else "could not be read"  # a JSON route reads no form
    assert answer["statusCode"] == 400 and said in answer["body"]
    assert_security_headers(answer["headers"])


JSON_ROUTES = [route for route in ROUTES if route.kind == "json" and route.method == "POST"]


@pytest.mark.parametrize("route", JSON_ROUTES, ids=[route.name for route in JSON_ROUTES])
@pytest.mark.parametrize("depth", [9, 1_000, 100_000])
def test_json_nested_too_deeply_is_refused_plainly(
    portal: Portal, admin_pool: dict[str, Any], route: Route, depth: int
) -> None:
    signed_in_for(portal, route)
    names = re.findall(r"\{(\w+)\}", route.path)
    body = ('{"rows": ' + "[" * depth + "]" * depth + "}").encode()

    answer = call(portal, route, {name: REAL_IDS.get(name, "demo-acme-initech") for name in names}, {}, body)

    assert answer["statusCode"] == 400 and "nested" in answer["body"]
    assert_security_headers(answer["headers"])


DEMO_IDS = {  # records of the demo tenant, so that each form's page is there to show the form on
    "partner_id": "acme",
    "contact_id": "acme-salesperson",
    "deal_id": "demo-acme-initech",
    "question_id": "demo-acme-rack",
    "request_id": "demo-acme-rack-price",
    "space_id": "demo-product-sheets",
    "module_id": "demo-basics",
    "email": "ops@northwind.example",
    "import_id": demo_imports.HELD_IMPORT_ID,
}
FORM_ROUTES = [route for route in ROUTES if route.method == "POST" and route.form_page]


@pytest.mark.parametrize("route", FORM_ROUTES, ids=[route.name for route in FORM_ROUTES])
def test_a_refused_form_shown_in_place_renders_as_its_page_does(
    portal: Portal, admin_pool: dict[str, Any], route: Route, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the window of kept refused forms (or when keeping one fails) a refused form is shown as the answer
    to its POST: that page needs everything its GET gives it."""
    demo_imports.seed_held_import()
    signed_in_for(portal, route)
    token = csrf_token(portal, route)
    names = re.findall(r"\{(\w+)\}", route.path)
    monkeypatch.setattr(form_drafts, "keep", lambda *args: None)
    params = {name: REAL_IDS.get(name, DEMO_IDS.get(name, "demo-acme-initech")) for name in names}

    answer = call(portal, route, params, {}, urlencode({"csrf_token": token, "": "x", "zz": "\x00"}).encode())

    assert answer["statusCode"] < 500, f"{route.route_key} answered {answer['statusCode']} with its form refused"
    assert_security_headers(answer["headers"])


@pytest.mark.parametrize("session", ["x", "a" * 19, "a" * 5000, "\x00" * 30, "é" * 25])
def test_a_challenge_session_cognito_never_issued_starts_the_sign_in_again(
    portal: Portal, admin_pool: dict[str, Any], session: str
) -> None:
    csrf = portal.get("/admin/login").field("csrf_token")
    for challenge in ("SOFTWARE_TOKEN_MFA", "MFA_SETUP", "NEW_PASSWORD_REQUIRED", "SOMETHING_ELSE"):
        answer = portal.post(
            "/admin/login/challenge",
            {
                "csrf_token": csrf,
                "email": "owner@northwind.example",
                "session": session,
                "challenge": challenge,
                "code": "123456",
                "new_password": "A-long-Enough-password-1",
            },
        )
        assert 400 <= answer.status < 500, f"{challenge} with {session[:8]!r} answered {answer.status}"


@pytest.mark.parametrize("day", ["0001-01-01", "1999-12-31", "9999-12-31", "2200-01-01", "2026-02-30"])
def test_an_audit_filter_day_at_the_edge_of_the_calendar_is_refused_plainly(
    portal: Portal, admin_pool: dict[str, Any], day: str
) -> None:
    portal.admin_sign_in("auditor@northwind.example")
    for query in (f"since={day}", f"until={day}", f"since={day}&until={day}"):
        answer = portal.get(f"/admin/audit?{query}")
        assert answer.status == 400 and "YYYY-MM-DD" in answer.body, f"{query} answered {answer.status}"


@pytest.mark.parametrize(
    ("who", "path", "form"),
    [
        ("ops@northwind.example", "/admin/deals/no-such-deal/decision", {"decision": "maybe"}),
        ("ops@northwind.example", "/admin/partners/questions/no-such-question/answer", {"answer": ""}),
        ("owner@northwind.example", "/admin/partners/no-such-partner", {"name": ""}),
        ("owner@northwind.example", "/admin/partners/no-such-partner/brand", {"name": ""}),
        ("owner@northwind.example", "/admin/contacts/no-such-contact/role", {"role": "king"}),
    ],
)
def test_an_invalid_form_posted_to_an_unknown_record_is_refused_plainly(
    portal: Portal, admin_pool: dict[str, Any], who: str, path: str, form: dict[str, str]
) -> None:
    """The error path itself must not fail: the form's page needs the record, and there is none."""
    portal.admin_sign_in(who)

    answer = portal.admin_post(path, form)

    assert answer.status in (400, 404), f"{path} answered {answer.status}"
    assert_security_headers(answer.headers)


def test_a_failing_error_handler_still_answers_with_every_header_and_the_request_id(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from portside.web import endpoint

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("the error page itself is broken")

    monkeypatch.setattr(endpoint, "error_page", broken)
    monkeypatch.setattr(endpoint.tenants, "tenant_for_host", broken)

    answer = portal.get("/partners/login")

    assert answer.status == 500 and "Something went wrong" in answer.body and "the error page" not in answer.body
    assert_security_headers(answer.headers)
    assert re.search(r"<strong>[0-9a-f]{32}</strong>", answer.body)
