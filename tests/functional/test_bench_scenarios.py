"""``make bench`` measures every route: each manifest route and worker has a scenario, and each scenario runs.

The same run holds the round-trip budget: a warm partner page makes at most two DynamoDB round trips, the
session check included, counted at botocore as the benchmark counts them.
"""

from __future__ import annotations

from typing import Any

import pytest

from portside.config import settings
from portside.manifest import ROUTES, WORKERS, Audience
from portside.web import page_cache
from tests.bench.calls import CallCounter
from tests.bench.parts import PARTS
from tests.bench.report import BENCH_LIMITS
from tests.bench.scenarios import AREAS, VARIANTS, every_scenario
from tests.functional.portal import Portal

# Scenarios whose refusal is what is measured: a page that does not exist, a wrong code.
REFUSED_ON_PURPOSE = {"not_found", "partner_code_sign_in:wrong", "partner_code_sign_in:wrong_unknown"}
PARTNER_PAGE_ROUND_TRIPS = 2  # the design's ceiling, the session check included


def is_partner_page(name: str) -> bool:
    """Whether a scenario (``route`` or ``route:variant``) asks for a partner's GET page."""
    route = next((route for route in ROUTES if route.name == name.partition(":")[0]), None)
    return bool(route and route.audience is Audience.PARTNER and route.method == "GET" and route.kind == "page")


def test_every_route_and_worker_has_a_scenario(portal: Portal, admin_pool: dict[str, Any]) -> None:
    every = every_scenario(portal, runs=1)
    names = {line.name for line in (*ROUTES, *WORKERS)} | set(VARIANTS)

    assert sorted(names - set(every)) == [], "add a scenario to tests/bench/scenarios/"
    assert sorted(set(every) - names) == [], "a scenario for a route that no longer exists"


def test_every_scenario_module_is_measured_in_one_part_of_the_bench() -> None:
    assert sorted(area for part in PARTS for area in part) == sorted(AREAS)


def test_each_scenario_makes_its_request(
    portal: Portal, admin_pool: dict[str, Any], sso: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every scenario's request does its route's real work: no error page, except where a wrong code is the point."""
    for variable, value in BENCH_LIMITS.items():  # the benchmark signs in again and again, as these allow
        monkeypatch.setenv(variable, value)
    settings.cache_clear()
    monkeypatch.setattr(page_cache, "CACHE_SECONDS", float("inf"))  # warm, as the benchmark measures
    counter, round_trips = CallCounter(), {}
    try:
        for name, (setup, request) in every_scenario(portal, runs=1).items():
            answer = request(setup())
            status = getattr(answer, "status", 200)
            assert status < 400 or name in REFUSED_ON_PURPOSE, f"{name} answered {status}"
            if is_partner_page(name):  # a page is idempotent: asked again, warm, and counted
                prepared = setup()
                counter.reset()
                request(prepared)
                round_trips[name] = counter.dynamodb_round_trips
    finally:
        counter.stop()

    pages = {route.name for route in ROUTES if is_partner_page(route.name)}
    assert len(pages) > 15 and pages <= set(round_trips), "every partner page was counted"
    over = {name: count for name, count in round_trips.items() if count > PARTNER_PAGE_ROUND_TRIPS}
    assert over == {}, "partner pages over their round-trip budget (docs/benchmark.md: how the others got there)"
