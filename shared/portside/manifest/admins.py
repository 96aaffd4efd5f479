"""The console's admins, and the identity provider groups that open it, as the owner manages them (auditors read);
single sign-on through that provider."""

from __future__ import annotations

from portside.manifest.lines import Access, R, Route, W, admin

SEE, MANAGE = ("admins", "view"), ("admins", "manage")
USERS = Access.ADMIN_USERS
PAGE = "/admin/admins"
GROUPS = "/admin/sign-in-groups"

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
    # Which identity provider groups open the console, as which role.
    admin("admin_group_roles", "GET", GROUPS, "group_roles", (R,), SEE),
    admin("admin_group_map", "POST", GROUPS, "group_role_map", (W,), MANAGE, form_page=GROUPS),
    admin("admin_group_unmap", "POST", f"{GROUPS}/remove", "group_role_unmap", (W,), MANAGE, form_page=GROUPS),
    admin("admin_sso_mode", "POST", f"{GROUPS}/mode", "sso_mode", (W,), MANAGE, form_page=GROUPS),
)
