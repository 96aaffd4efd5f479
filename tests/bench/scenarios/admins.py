"""The console's admins, as the owner manages them: the list, an admin added, a role changed, disabled, removed."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import quote

from tests.bench.scenarios import Scenario


def scenarios(portal: Any) -> dict[str, Scenario]:
    def as_owner() -> None:
        portal.admin_sign_in("owner@northwind.example")

    def new_admin() -> tuple[str, str]:
        """A federated admin of its own for each run (no pool user to create), and the owner's CSRF token."""
        as_owner()
        email = f"bench-{uuid.uuid4().hex[:8]}@northwind.example"
        csrf = portal.admin_csrf()
        portal.post("/admin/admins", {"csrf_token": csrf, "email": email, "role": "ops", "sign_in": "federated"})
        return quote(email, safe=""), csrf

    def add_form() -> dict[str, str]:
        as_owner()
        email = f"bench-{uuid.uuid4().hex[:8]}@northwind.example"
        return {"csrf_token": portal.admin_csrf(), "email": email, "role": "auditor", "sign_in": "federated"}

    def group_form() -> dict[str, str]:
        as_owner()
        return {"csrf_token": portal.admin_csrf(), "group": "portal-bench", "role": "auditor"}

    def mapped() -> dict[str, str]:
        form = group_form()
        portal.post("/admin/sign-in-groups", form)
        return {"csrf_token": form["csrf_token"], "group": "portal-bench"}

    return {
        "admin_group_roles": (as_owner, lambda _: portal.get("/admin/sign-in-groups")),
        "admin_group_map": (group_form, lambda form: portal.post("/admin/sign-in-groups", form)),
        "admin_group_unmap": (mapped, lambda form: portal.post("/admin/sign-in-groups/remove", form)),
        "admin_admins": (as_owner, lambda _: portal.get("/admin/admins")),
        "admin_admin_add": (add_form, lambda form: portal.post("/admin/admins", form)),
        "admin_admin_role": (
            new_admin,
            lambda args: portal.post(f"/admin/admins/{args[0]}/role", {"csrf_token": args[1], "role": "finance"}),
        ),
        "admin_admin_status": (
            new_admin,
            lambda args: portal.post(
                f"/admin/admins/{args[0]}/status", {"csrf_token": args[1], "enabled": "false", "confirmed": "yes"}
            ),
        ),
        "admin_admin_remove": (
            new_admin,
            lambda args: portal.post(f"/admin/admins/{args[0]}/remove", {"csrf_token": args[1], "confirmed": "yes"}),
        ),
    }
