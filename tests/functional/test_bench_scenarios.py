"""``make bench`` measures every route: each manifest route and worker has a scenario, and each scenario runs."""

from __future__ import annotations

from typing import Any

import pytest

from portside.config import settings
from portside.manifest import ROUTES, WORKERS
from tests.bench.report import BENCH_LIMITS
from tests.bench.scenarios import VARIANTS, every_scenario
from tests.functional.portal import Portal

# Scenarios whose refusal is what is measured: a page that does not exist, a wrong code.
REFUSED_ON_PURPOSE = {"not_found", "partner_code_sign_in:wrong", "partner_code_sign_in:wrong_unknown"}


def test_every_route_and_worker_has_a_scenario(portal: Portal, admin_pool: dict[str, Any]) -> None:
    every = every_scenario(portal, runs=1)
    names = {line.name for line in (*ROUTES, *WORKERS)} | set(VARIANTS)

    assert sorted(names - set(every)) == [], "add a scenario to tests/bench/scenarios/"
    assert sorted(set(every) - names) == [], "a scenario for a route that no longer exists"


def test_each_scenario_makes_its_request(
    portal: Portal, admin_pool: dict[str, Any], sso: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every scenario's request does its route's real work: no error page, except where a wrong code is the point."""
    for variable, value in BENCH_LIMITS.items():  # the benchmark signs in again and again, as these allow
        monkeypatch.setenv(variable, value)
    settings.cache_clear()
    for name, (setup, request) in every_scenario(portal, runs=1).items():
        answer = request(setup())
        status = getattr(answer, "status", 200)
        assert status < 400 or name in REFUSED_ON_PURPOSE, f"{name} answered {status}"
