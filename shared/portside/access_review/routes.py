"""Access review's lines: who has which role, confirmed by an owner or auditor; and the role table that says
what each role may do."""

from __future__ import annotations

from portside.manifest.lines import Feature, R, Route, W

access_review = Feature("access_review")
PAGE = "/admin/access-review"

ROUTES: tuple[Route, ...] = (
    access_review.admin("admin_access_review", "GET", PAGE, (R,), ("access_review", "view")),
    access_review.admin(
        "admin_access_review_complete", "POST", PAGE, (W,), ("access_review", "review"), form_page=PAGE
    ),
    access_review.admin("admin_roles", "GET", "/admin/help/roles", (R,), ("role_help", "view")),
)
