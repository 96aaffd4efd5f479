"""The console's admins, as the owner manages them: the list, an admin added, a role changed, disabled, removed;
single sign-on through the stand-in provider (its HTTP round trips are in the warm time, not in the AWS calls)."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import quote

from tests.bench.scenarios import Scenario
from tests.functional.sso_helpers import authorize, come_back, start


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

    def sso_only_on() -> dict[str, str]:
        """Single sign-on only, turned on unmeasured; the measured request turns it off again, so that the
        scenarios after it still find password sign-in."""
        from portside.admins.group_roles import set_sso_only
        from portside.audit import Client

        come_back(portal, authorize(start(portal), "olivia.owner@northwind.example"))
        version = int(portal.get("/admin/sign-in-groups").field("version"))
        set_sso_only("northwind", True, version, "admin:olivia.owner@northwind.example", Client("203.0.113.10", None))
        page = portal.get("/admin/sign-in-groups")
        return {"csrf_token": page.field("csrf_token"), "version": page.field("version")}

    return {
        "admin_sso_start": (lambda: None, lambda _: start(portal)),
        "admin_sso_callback": (
            lambda: authorize(start(portal), "olivia.owner@northwind.example"),
            lambda callback: come_back(portal, callback),
        ),
        "admin_sso_mode": (sso_only_on, lambda form: portal.post("/admin/sign-in-groups/mode", form)),
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
