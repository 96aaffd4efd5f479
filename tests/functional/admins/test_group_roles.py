"""Sign-in groups: the identity provider groups that open the console, as which role (owner only, audited)."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.seed import TENANT_ID
from portside.admins.group_roles import list_group_roles, roles_for_groups
from portside.data import reads
from portside.data.models.records import AuditEvent
from tests.functional.portal import Portal


def mappings() -> dict[str, str]:
    tenant = reads.tenant(TENANT_ID)
    assert tenant is not None
    return {m.group: m.role for m in list_group_roles(tenant)}


def test_the_owner_maps_replaces_and_removes_groups(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in("owner@northwind.example")

    portal.admin_post("/admin/sign-in-groups", {"group": "portal-finance", "role": "finance"})
    portal.admin_post("/admin/sign-in-groups", {"group": "Portal Admins", "role": "ops"})
    replaced = portal.admin_post("/admin/sign-in-groups", {"group": "Portal Admins", "role": "owner"})

    assert replaced.location == "/admin/sign-in-groups?notice=mapped"
    assert mappings() == {"portal-finance": "finance", "Portal Admins": "owner"}
    page = portal.get("/admin/sign-in-groups").body
    assert "<code>portal-finance</code>" in page and "No identity provider is configured" in page
    removed = portal.admin_post("/admin/sign-in-groups/remove", {"group": "portal-finance"})
    assert removed.location == "/admin/sign-in-groups?notice=unmapped" and mappings() == {"Portal Admins": "owner"}
    actions = [e.action for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))]
    assert actions.count("sso.group_mapped") == 3 and actions.count("sso.group_unmapped") == 1
    assert portal.admin_post("/admin/sign-in-groups/remove", {"group": "nope"}).status == 404


@pytest.mark.parametrize(
    ("group", "role", "field"), [("", "ops", "group"), ("a\x00b", "ops", "group"), ("g", "boss", "role")]
)
def test_a_mapping_is_checked(portal: Portal, admin_pool: dict[str, Any], group: str, role: str, field: str) -> None:
    portal.admin_sign_in("owner@northwind.example")

    refused = portal.admin_post("/admin/sign-in-groups", {"group": group, "role": role})

    assert refused.status == 400 and f'href="#{field}"' in refused.body and not mappings()


@pytest.mark.parametrize("email", ["ops@northwind.example", "auditor@northwind.example"])
def test_only_the_owner_maps_groups(portal: Portal, admin_pool: dict[str, Any], email: str) -> None:
    portal.admin_sign_in(email)

    listed = portal.get("/admin/sign-in-groups")
    refused = portal.admin_post("/admin/sign-in-groups", {"group": "g", "role": "owner"})

    assert listed.status == (200 if email.startswith("auditor") else 403) and "Map a group" not in listed.body
    assert refused.status == 403 and not mappings()


def test_roles_come_from_mapped_groups_only(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in("owner@northwind.example")
    portal.admin_post("/admin/sign-in-groups", {"group": "portal-finance", "role": "finance"})
    portal.admin_post("/admin/sign-in-groups", {"group": "portal-owners", "role": "owner"})
    tenant = reads.tenant(TENANT_ID)
    assert tenant is not None
    listed = list_group_roles(tenant)

    assert roles_for_groups(listed, ["portal-finance", "everyone", "portal-owners"]) == ["owner", "finance"]
    assert roles_for_groups(listed, ["Portal-Finance"]) == []  # groups are compared exactly
    assert roles_for_groups(listed, []) == []
