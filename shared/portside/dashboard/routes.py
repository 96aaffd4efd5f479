"""The dashboards' lines: each audience's front page (the partner's, and the console's home)."""

from __future__ import annotations

from portside.manifest.lines import Feature, R, Route

dashboard = Feature("dashboard")

ROUTES: tuple[Route, ...] = (
    dashboard.partner("partner_dashboard", "GET", "/partners/dashboard", (R,), ("dashboard", "view")),
    dashboard.admin("admin_home", "GET", "/admin", (R,), ("admin_dashboard", "view")),
)
