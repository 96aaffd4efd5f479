"""The front pages: the portal's front door (sign-in's), the partner dashboard, and a page that does not exist."""

from __future__ import annotations

from typing import Any

from tests.bench.scenarios import Scenario, as_contact, get


def scenarios(portal: Any) -> dict[str, Scenario]:
    return {
        "home": get(portal, "/"),
        "partner_dashboard": (
            lambda: as_contact(portal, "principal@acme.example"),
            lambda _: portal.get("/partners/dashboard"),
        ),
        "not_found": get(portal, "/no/such/page"),
    }
