"""Which nested stack each route lives in: written down once in ``infra/route_stacks.json``, never changed.

CloudFormation cannot move an API route from one stack to another (the new stack would create its
route key before the old one deletes it, and API Gateway refuses a key twice), so a route's stack
is decided when the route is added and kept for as long as it exists. A new route goes to its
audience's last stack while that holds fewer than ``ROUTES_PER_STACK``, else to a new stack
(``python -m infra.placement`` places the routes not yet placed; ``tests/infra`` fails while one
is not, and when any route's stack differs from what any earlier commit recorded).
"""

from __future__ import annotations

import json
from pathlib import Path

from portside.manifest import ROUTES, Audience, Route

PLACEMENT = Path(__file__).resolve().parent / "route_stacks.json"
# About eleven resources a route with SnapStart (function, role, policy, log group, version, alias,
# integration, a route and permission per method): 40 routes stay under 450 of CloudFormation's 500.
ROUTES_PER_STACK = 40


def recorded(path: Path = PLACEMENT) -> dict[str, int]:
    """``{route name: its stack's number within its audience}``, as committed."""
    return {str(name): int(number) for name, number in json.loads(path.read_text()).items()}


def stack_of(route: Route, placed: dict[str, int] | None = None) -> int:
    """The number of the route's stack within its audience (0 is ``<Audience>Routes``, 1 ``<Audience>Routes2``)."""
    found = (recorded() if placed is None else placed).get(route.name)
    if found is None:
        raise LookupError(f"route {route.name} has no stack yet: run `.venv/bin/python -m infra.placement`")
    return found


def stacks_of(audience: Audience, placed: dict[str, int]) -> int:
    """How many route stacks the audience has."""
    numbers = [placed[route.name] for route in ROUTES if route.audience is audience and route.name in placed]
    return max(numbers, default=0) + 1


def place(routes: tuple[Route, ...], placed: dict[str, int]) -> dict[str, int]:
    """``placed`` and every route of ``routes`` not in it, each in its audience's last stack with room."""
    result = dict(placed)
    for route in routes:
        if route.name in result:
            continue
        same = [result[other.name] for other in routes if other.audience is route.audience and other.name in result]
        last = max(same, default=0)
        result[route.name] = last if same.count(last) < ROUTES_PER_STACK else last + 1
    return result


def main() -> None:
    placed = place(ROUTES, recorded() if PLACEMENT.exists() else {})
    PLACEMENT.write_text(json.dumps(dict(sorted(placed.items())), indent=2) + "\n")
    print(f"{PLACEMENT.name}: {len(placed)} routes placed")


if __name__ == "__main__":
    main()
