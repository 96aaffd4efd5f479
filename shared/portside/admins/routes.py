"""The console admins' lines: the admins, and the identity provider groups that open the console, as the owner
manages them (auditors read)."""

from __future__ import annotations

from portside.manifest.lines import Access, Feature, R, Route, W

admins = Feature("admins")
SEE, MANAGE = ("admins", "view"), ("admins", "manage")
USERS = Access.ADMIN_USERS  # the pool's users: created, and moved between groups
PAGE = "/admin/admins"
GROUPS = "/admin/sign-in-groups"

ROUTES: tuple[Route, ...] = (
    admins.admin("admin_admins", "GET", PAGE, (R,), SEE),
    admins.admin("admin_admin_add", "POST", PAGE, (W, USERS), MANAGE, form_page=PAGE),
    admins.admin("admin_admin_role", "POST", "/admin/admins/{email}/role", (W, USERS), MANAGE, form_page=PAGE),
    admins.admin("admin_admin_status", "POST", "/admin/admins/{email}/status", (W,), MANAGE, form_page=PAGE),
    admins.admin("admin_admin_remove", "POST", "/admin/admins/{email}/remove", (W,), MANAGE, form_page=PAGE),
    # Which identity provider groups open the console, as which role.
    admins.admin("admin_group_roles", "GET", GROUPS, (R,), SEE),
    admins.admin("admin_group_map", "POST", GROUPS, (W,), MANAGE, form_page=GROUPS),
    admins.admin("admin_group_unmap", "POST", f"{GROUPS}/remove", (W,), MANAGE, form_page=GROUPS),
    admins.admin("admin_sso_mode", "POST", f"{GROUPS}/mode", (W,), MANAGE, form_page=GROUPS),
)
