"""Per route (and worker): a setup, not measured, and the one request measured, given what the setup returned.

One module per feature (the console's pages of several features share one, `console`, and one signed-in
owner; the workers another); a new route adds its scenario to its feature's module (a test checks every route
has one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Scenario = tuple[Callable[[], Any], Callable[[Any], Any]]

# Variants of one route (``route:variant``), measured beside it: sign-in for known and unknown addresses.
# Pairs whose times must not tell the address apart: (known address, unknown address).
SIDE_BY_SIDE = (
    ("partner_login_request", "partner_login_request:unknown"),
    ("partner_code_sign_in:wrong", "partner_code_sign_in:wrong_unknown"),
)
VARIANTS = (*(unknown for _, unknown in SIDE_BY_SIDE), "partner_code_sign_in:wrong", "partner_orders:search")


# Each feature's scenario module, in the order its scenarios are built and measured. ``console`` takes the runs too.
AREAS = (
    "sign_in",
    "partners",
    "workers",
    "deals",
    "questions",
    "documents",
    "lookups",
    "approvals",
    "training",
    "admins",
    "console",
)


def every_scenario(portal: Any, runs: int, areas: tuple[str, ...] = AREAS) -> dict[str, Scenario]:
    """The scenarios of ``areas`` (every one unless told); ``runs``: how many times each will be measured (setups
    that alternate need it)."""
    import importlib

    every: dict[str, Scenario] = {}
    for area in AREAS:
        if area in areas:
            module = importlib.import_module(f"tests.bench.scenarios.{area}")
            every |= module.scenarios(portal, runs) if area == "console" else module.scenarios(portal)
    return every


def get(portal: Any, path: str) -> Scenario:
    return lambda: None, lambda _: portal.get(path)


_signed_in: dict[int, tuple[str, str | None]] = {}


def as_contact(portal: Any, email: str) -> None:
    """Signed in as ``email``: again only when the session changed since (another sign-in, or the session ended)."""
    from portside.auth.cookie_names import SESSION_COOKIE

    if _signed_in.get(id(portal)) != (email, portal.jar.get(SESSION_COOKIE)) or SESSION_COOKIE not in portal.jar:
        portal.deliver_mail()  # mail earlier scenarios queued goes first: the newest then carries the link
        portal.sign_in(email)
        _signed_in[id(portal)] = (email, portal.jar.get(SESSION_COOKIE))
