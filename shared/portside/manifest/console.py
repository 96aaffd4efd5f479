"""The admin console's routes: its sign-in, and every page of a signed-in admin (documents apart)."""

from __future__ import annotations

from portside.manifest.lines import ADMIN, PUBLIC, R, Route, W, admin

ROUTES: tuple[Route, ...] = (
    Route("admin_login_form", "GET", "/admin/login", "functions.admin.login_form", PUBLIC, (R,)),
    Route("admin_login", "POST", "/admin/login", "functions.admin.login", PUBLIC, (W,), form_page="/admin/login"),
    Route(
        "admin_login_challenge",
        "POST",
        "/admin/login/challenge",
        "functions.admin.login_challenge",
        PUBLIC,
        (W,),
        form_page="/admin/login",
    ),
    Route("admin_logout", "POST", "/admin/logout", "functions.admin.logout", ADMIN, (W,), form_page="/admin"),
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
