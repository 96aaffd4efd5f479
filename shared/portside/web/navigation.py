"""The partner and admin navigations, read from the permission matrix and the route manifest.

An item shows when its page exists in the manifest and the role may view it: sections of
features not built yet stay out of sight instead of leading to a dead end.
"""

from __future__ import annotations

from dataclasses import dataclass

from portside.auth.matrix import RESOURCES
from portside.auth.principal import AdminPrincipal, PartnerPrincipal, Principal
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
    ("account", "/partners/account"),
)

ADMIN_SECTIONS = (
    ("partners", "/admin/partners"),
    ("deal_reviews", "/admin/deals"),
    ("approvals", "/admin/approvals"),
    ("order_data", "/admin/orders"),
    ("answers", "/admin/partners/questions"),
    ("document_spaces", "/admin/documents"),
    ("training_authoring", "/admin/training"),
    ("imports", "/admin/imports"),
    ("engagement", "/admin/engagement"),
    ("audit_log", "/admin/audit"),
    ("access_review", "/admin/access-review"),
    ("admins", "/admin/admins"),
    ("outbox", "/admin/mail"),
    ("settings", "/admin/settings"),
    ("branding", "/admin/settings/branding"),
    ("role_help", "/admin/help/roles"),
)

_PAGES = frozenset(route.path for route in ROUTES if route.method == "GET")


@dataclass(frozen=True)
class NavItem:
    label: str
    path: str
    current: bool


def _items(sections: tuple[tuple[str, str], ...], principal: Principal, current_path: str) -> list[NavItem]:
    shown = [(resource, path) for resource, path in sections if path in _PAGES and principal.may(resource, "view")]
    # The closest section is current: /admin/partners/questions is Questions, not Partners.
    within = [path for _, path in shown if current_path == path or current_path.startswith(path + "/")]
    current = max(within, key=len, default=None)
    return [NavItem(RESOURCES[resource].label, path, path == current) for resource, path in shown]


def navigation(principal: Principal | None, current_path: str) -> list[NavItem]:
    if isinstance(principal, AdminPrincipal):
        return _items(ADMIN_SECTIONS, principal, current_path)
    if isinstance(principal, PartnerPrincipal):
        return _items(PARTNER_SECTIONS, principal, current_path)
    return []
