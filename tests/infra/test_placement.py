"""A route's nested stack is recorded when the route is added and never changes: CloudFormation cannot move one."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace

import pytest

from infra.placement import PLACEMENT, ROUTES_PER_STACK, place, recorded, stack_of, stacks_of
from portside.manifest import ROUTES, Audience
from tests.infra.conftest import ROOT, Synthesized


def test_every_route_has_its_stack_recorded() -> None:
    missing = [route.name for route in ROUTES if route.name not in recorded()]
    assert missing == [], "run `.venv/bin/python -m infra.placement` and commit infra/route_stacks.json"


def test_no_route_ever_changes_its_stack_from_what_an_earlier_commit_recorded() -> None:
    """Every committed version of the placement agrees with today's on every route both name."""
    relative = PLACEMENT.relative_to(ROOT).as_posix()
    commits = subprocess.run(
        ["git", "log", "--format=%H", "--", relative], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    today = recorded()
    for commit in commits:
        shown = subprocess.run(["git", "show", f"{commit}:{relative}"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode:
            continue  # the file was deleted there
        earlier = json.loads(shown.stdout)
        moved = {name: (number, today[name]) for name, number in earlier.items() if today.get(name, number) != number}
        assert moved == {}, f"{commit[:10]} put these routes elsewhere: a deploy would fail"


def test_a_new_route_joins_its_audiences_last_stack_until_it_is_full() -> None:
    placed = recorded()
    admin = [route for route in ROUTES if route.audience is Audience.ADMIN]
    added = tuple(replace(admin[0], name=f"admin_added_{n}") for n in range(200))
    after = place((*ROUTES, *added), placed)

    assert {name: after[name] for name in placed} == placed, "no placed route moves"
    last = stacks_of(Audience.ADMIN, placed) - 1
    room = ROUTES_PER_STACK - sum(1 for route in admin if placed[route.name] == last)
    assert [after[route.name] for route in added[:room]] == [last] * room
    per_stack = [sum(1 for route in added if after[route.name] == number) for number in range(last + 1, last + 6)]
    assert per_stack[:4] == [ROUTES_PER_STACK] * 4, "then a new stack each ROUTES_PER_STACK routes"


def test_an_unplaced_route_is_refused_with_the_command_that_places_it() -> None:
    with pytest.raises(LookupError, match=r"python -m infra\.placement"):
        stack_of(replace(ROUTES[0], name="a_route_not_yet_placed"), recorded())


def test_the_parent_stack_has_room_for_the_stacks_of_200_more_routes(synthesized: Synthesized) -> None:
    more_stacks = -(-200 // ROUTES_PER_STACK)
    assert len(synthesized.template["Resources"]) + more_stacks <= 450
