"""A cold start pays for what its route needs, and nothing else: each handler, imported as a deployed function would.

Every route's and worker's handler module is imported in a fresh interpreter with a deployed
function's settings, and the modules it loaded are held to the rules below. Times are the
benchmark's business (``make bench``); what is loaded is deterministic, so a test can keep it.
"""

from __future__ import annotations

import pytest

from portside.manifest import ROUTES, WORKERS, Audience, Route, Worker
from tests.bench.cold import imported_modules, imported_modules_after
from tests.unit.lookups.test_price_writers import WRITERS

# Loaded by no handler at import, and why (docs/benchmark.md, "Cold starts").
NEVER = {
    "aws_xray_sdk": "Lambda's active tracing records each invocation without the SDK (about 120 ms)",
    "pydantic_settings": "the settings are a plain dataclass (about 110 ms)",
    "aws_lambda_powertools.event_handler": "API Gateway has routed already: one route per function (about 70 ms)",
    "jinja2": "templates load at the first render, so a route that only redirects never loads them (about 20 ms)",
    "asyncio": "nothing in the portal is asynchronous",
    "filetype": "read at the first upload checked: a download, which only signs a link, never loads it",
    "segno": "drawn only on the authenticator set-up page, at render",
}
# Allowed for one handler only, and why.
EXCEPT = {
    ("mail_sender", "asyncio"): "Powertools' batch processor (partial stream failures) brings its async twin along",
    ("importer", "asyncio"): "the same batch processor, for the import worker's stream",
}
# Handlers that check with pydantic what is not a form: the import worker, every row of an ERP file.
CHECKS_ROWS = {"importer"}
LINES: list[Route | Worker] = [*ROUTES, *WORKERS]


# The handler every other loads all of (a public page that answers 404): imported once, the others forked from it.
BASE = "functions.not_found"


@pytest.fixture(scope="module")
def loaded() -> dict[str, set[str]]:
    by_handler = imported_modules_after(BASE, [line.handler for line in LINES])
    return {line.name: by_handler[line.handler] for line in LINES}


def test_forking_from_the_base_sees_what_a_fresh_interpreter_sees(loaded: dict[str, set[str]]) -> None:
    """The base loads nothing any rule forbids, and a handler forked from it loads what it loads alone."""
    base = imported_modules(BASE)
    assert base and not base & ({*NEVER, "pydantic"} | set(WRITERS)) and not console_modules(base)
    for name in ("partner_dashboard", "admin_login", "partner_login_request"):
        line = next(line for line in LINES if line.name == name)
        assert loaded[name] == imported_modules(line.handler) | base, name


@pytest.mark.parametrize("line", LINES, ids=[line.name for line in LINES])
def test_no_handler_loads_what_no_cold_start_needs(loaded: dict[str, set[str]], line: Route | Worker) -> None:
    heavy = {
        module: why
        for module, why in NEVER.items()
        if module in loaded[line.name] and (line.name, module) not in EXCEPT
    }
    assert not heavy, f"{line.handler} loads {heavy}"


@pytest.mark.parametrize("line", LINES, ids=[line.name for line in LINES])
def test_only_a_handler_that_reads_a_form_loads_pydantic(loaded: dict[str, set[str]], line: Route | Worker) -> None:
    modules = loaded[line.name]
    reads_a_form = any(module.startswith("portside.web.forms.") for module in modules)
    checks = reads_a_form or line.name in CHECKS_ROWS
    assert "pydantic" not in modules or checks, f"{line.handler} loads pydantic (about 60 ms) for no form"


# The partner portal's pages (a submission mails the ops admins, so it reads their list: not these).
PARTNER_PAGES = [
    route
    for route in ROUTES
    if route.audience is not Audience.ADMIN and route.method == "GET" and not route.path.startswith("/admin")
]
CONSOLE = {"portside.data.models.admins", "portside.auth.admin_sessions", "jwt"}
# The console's own features: every handler loads their ``routes`` (the manifest lists every line), nothing more.
CONSOLE_FEATURES = ("portside.admins", "portside.admin_sign_in", "portside.access_review")


def console_modules(modules: set[str]) -> set[str]:
    features = {
        module
        for module in modules
        if module.startswith(tuple(f"{feature}." for feature in CONSOLE_FEATURES)) and not module.endswith(".routes")
    }
    return (CONSOLE & modules) | features


@pytest.mark.parametrize("route", PARTNER_PAGES, ids=[route.name for route in PARTNER_PAGES])
def test_a_partner_page_loads_nothing_of_the_console(loaded: dict[str, set[str]], route: Route) -> None:
    assert not console_modules(loaded[route.name]), f"{route.handler} loads {console_modules(loaded[route.name])}"


def test_the_rules_see_what_they_forbid(loaded: dict[str, set[str]]) -> None:
    """The checks themselves: the console's sign-in is seen to load the console, a form route pydantic."""
    assert {"portside.data.models.admins", "portside.auth.admin_sessions"} <= console_modules(loaded["admin_login"])
    assert "portside.admin_sign_in.password_and_code" in console_modules(loaded["admin_login"])
    assert "pydantic" in loaded["partner_login_request"]


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_only_the_decision_route_reaches_a_price_or_credit_writer(loaded: dict[str, set[str]], route: Route) -> None:
    for writer, allowed in WRITERS.items():
        assert writer not in loaded[route.name] or route.name == allowed, f"{route.handler} loads {writer}"
