"""The console's admins, as the owner manages them (auditors read the list)."""

from __future__ import annotations

from portside.manifest.lines import Access, R, Route, W, admin

SEE, MANAGE = ("admins", "view"), ("admins", "manage")
USERS = Access.ADMIN_USERS
PAGE = "/admin/admins"

ROUTES: tuple[Route, ...] = (
    admin("admin_admins", "GET", PAGE, "admins_list", (R,), SEE),
    admin("admin_admin_add", "POST", PAGE, "admin_member_add", (W, USERS), MANAGE, form_page=PAGE),
    admin(
        "admin_admin_role",
        "POST",
        "/admin/admins/{email}/role",
        "admin_member_role",
        (W, USERS),
        MANAGE,
        form_page=PAGE,
    ),
    admin(
        "admin_admin_status",
        "POST",
        "/admin/admins/{email}/status",
        "admin_member_status",
        (W,),
        MANAGE,
        form_page=PAGE,
    ),
    admin(
        "admin_admin_remove",
        "POST",
        "/admin/admins/{email}/remove",
        "admin_member_remove",
        (W,),
        MANAGE,
        form_page=PAGE,
    ),
)
