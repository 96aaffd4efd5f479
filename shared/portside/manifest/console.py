"""The console's access review and role table (not yet moved to a package of their own)."""

from __future__ import annotations

from portside.manifest.lines import R, Route, W, admin

ROUTES: tuple[Route, ...] = (
    admin("admin_access_review", "GET", "/admin/access-review", "access_review", (R,), ("access_review", "view")),
    admin(
        "admin_access_review_complete",
        "POST",
        "/admin/access-review",
        "access_review_complete",
        (W,),
        ("access_review", "review"),
        form_page="/admin/access-review",
    ),
    admin("admin_roles", "GET", "/admin/help/roles", "roles", (R,), ("role_help", "view")),
)
