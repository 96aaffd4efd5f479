"""The partner navigation, read from the permission matrix and the route manifest.

An item shows when its page exists in the manifest and the role may view it: sections of
features not built yet stay out of sight instead of leading to a dead end.
"""

from __future__ import annotations

from dataclasses import dataclass

from portside.auth.matrix import RESOURCES, allows
from portside.manifest import ROUTES

PARTNER_SECTIONS = (
    ("dashboard", "/partners/dashboard"),
    ("deals", "/partners/deals"),
    ("documents", "/partners/documents"),
    ("questions", "/partners/questions"),
    ("training", "/partners/training"),
    ("orders", "/partners/orders"),
    ("stock", "/partners/stock"),
    ("prices", "/partners/prices"),
    ("pricing_requests", "/partners/requests"),
)

_PAGES = frozenset(route.path for route in ROUTES if route.method == "GET")


@dataclass(frozen=True)
class NavItem:
    label: str
    path: str
    current: bool


def partner_navigation(role: str, current_path: str) -> list[NavItem]:
    return [
        NavItem(RESOURCES[resource].label, path, current_path == path or current_path.startswith(path + "/"))
        for resource, path in PARTNER_SECTIONS
        if path in _PAGES and allows(role, resource, "view")
    ]
