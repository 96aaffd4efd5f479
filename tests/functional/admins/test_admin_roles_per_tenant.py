"""An admin's role is their membership of one tenant: no other tenant's console, and no pool group, reaches it.

One Cognito pool serves every tenant, so a second tenant's owner must not be able to change
anything the first tenant sees of a pool user they share: not the role, not the status, not the
audit log, not the Admins page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from infra.local.seed import TENANT_ID
from portside import clock
from portside.admins import managing
from portside.audit import Client
from portside.aws import client
from portside.data import reads
from portside.data.models.admins import AdminMember
from portside.data.models.records import AuditEvent
from portside.errors import Conflict
from portside.web import tenants
from tests.functional.portal import Portal

OWNER, FINANCE, AUDITOR = "owner@northwind.example", "finance@northwind.example", "auditor@northwind.example"
SECOND, SECOND_HOST = "southwind", "127.0.0.2:8000"
CLIENT = Client(ip="203.0.113.9", user_agent="pytest")


@pytest.fixture
def second_tenant(portal: Portal, admin_pool: dict[str, Any]) -> Portal:
    """A second tenant whose owner is the pool user finance@northwind.example, signed in on its console."""
    tenants.create_tenant(SECOND, "Southwind", "http://127.0.0.2:8000", ["127.0.0.2"], "system:test", CLIENT)
    AdminMember.build(SECOND, FINANCE, roles=["owner"], created_at=clock.now()).save()
    portal.host = SECOND_HOST
    assert portal.admin_sign_in(FINANCE).status == 303
    return portal


def path(email: str, action: str) -> str:
    return f"/admin/admins/{quote(email, safe='')}/{action}"


def first_tenant_state(pool: dict[str, Any]) -> dict[str, Any]:
    """Everything the first tenant sees of its admins: memberships, audit actions, and the pool users."""
    members = {m.email: (m.roles, m.status) for m in managing.list_admins(reads.tenant(TENANT_ID)).members}  # type: ignore[arg-type]
    audit = sorted(event.action for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)))
    cognito = client("cognito-idp")
    users = {
        email: {
            key: value
            for key, value in cognito.admin_get_user(UserPoolId=pool["pool_id"], Username=email).items()
            if key in ("Enabled", "UserStatus", "UserAttributes")
        }
        for email in members
    }
    groups = {
        email: cognito.admin_list_groups_for_user(UserPoolId=pool["pool_id"], Username=email)["Groups"]
        for email in members
    }
    return {"members": members, "audit": audit, "users": users, "groups": groups}


def test_another_tenants_owner_changes_nothing_of_the_first_tenant(
    second_tenant: Portal, admin_pool: dict[str, Any]
) -> None:
    portal = second_tenant
    before = first_tenant_state(admin_pool)

    added = portal.admin_post("/admin/admins", {"email": AUDITOR, "role": "owner"})
    demoted_owner = portal.admin_post("/admin/admins", {"email": OWNER, "role": "owner"})
    changed = portal.admin_post(path(OWNER, "role"), {"role": "auditor"})
    disabled = portal.admin_post(path(AUDITOR, "status"), {"enabled": "false", "confirmed": "yes"})
    removed = portal.admin_post(path(OWNER, "remove"), {"confirmed": "yes"})

    assert [added.location, demoted_owner.location] == ["/admin/admins?notice=added"] * 2
    assert (changed.location, disabled.location, removed.location) == (
        "/admin/admins?notice=role",
        "/admin/admins?notice=disabled",
        "/admin/admins?notice=removed",
    )
    assert first_tenant_state(admin_pool) == before
    portal.host, portal.jar = "127.0.0.1:8000", {}
    assert portal.admin_sign_in(AUDITOR).status == 303
    assert portal.get("/admin/settings").status == 403  # still an auditor of the first tenant
    assert portal.admin_post("/admin/admins", {"email": "x@northwind.example", "role": "ops"}).status == 403
    portal.jar = {}
    assert portal.admin_sign_in(OWNER).status == 303 and portal.get("/admin/settings").status == 200


def test_a_pool_group_set_outside_the_portal_grants_no_role(portal: Portal, admin_pool: dict[str, Any]) -> None:
    cognito = client("cognito-idp")
    cognito.create_group(UserPoolId=admin_pool["pool_id"], GroupName="owner")
    cognito.admin_add_user_to_group(UserPoolId=admin_pool["pool_id"], Username=AUDITOR, GroupName="owner")

    assert portal.admin_sign_in(AUDITOR).status == 303

    assert portal.get("/admin/settings").status == 403
    assert managing.get_member(reads.tenant(TENANT_ID), AUDITOR).roles == ["auditor"]  # type: ignore[arg-type]


def test_an_admin_of_no_role_here_is_refused_whatever_the_pool_says(portal: Portal, admin_pool: dict[str, Any]) -> None:
    cognito = client("cognito-idp")
    cognito.create_group(UserPoolId=admin_pool["pool_id"], GroupName="owner")
    cognito.admin_add_user_to_group(UserPoolId=admin_pool["pool_id"], Username=AUDITOR, GroupName="owner")
    member = managing.get_member(reads.tenant(TENANT_ID), AUDITOR)  # type: ignore[arg-type]
    member.update(actions=[AdminMember.roles.set([])])

    assert portal.admin_sign_in(AUDITOR).status == 401


def test_a_refused_role_change_leaves_everything_as_it_was(
    portal: Portal, admin_pool: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another change lands between a role change's read and its commit: the late one is refused, and
    the membership is as the first left it, the pool untouched."""
    tenant = reads.tenant(TENANT_ID)
    assert tenant is not None
    real_end_sessions = managing._end_sessions
    interleaved: list[str] = []

    def another_change_lands_first(*args: Any) -> int:
        if not interleaved:
            interleaved.append("ops")
            managing.change_role(tenant, AUDITOR, "ops", "admin:" + OWNER, CLIENT)
        return real_end_sessions(*args)

    monkeypatch.setattr(managing, "_end_sessions", another_change_lands_first)
    before = first_tenant_state(admin_pool)

    with pytest.raises(Conflict):
        managing.change_role(tenant, AUDITOR, "finance", "admin:" + OWNER, CLIENT)

    after = first_tenant_state(admin_pool)
    assert after["members"][AUDITOR] == (["ops"], "active")
    assert after["users"] == before["users"] and after["groups"] == before["groups"]
    assert after["audit"].count("admin.role_changed") == before["audit"].count("admin.role_changed") + 1


def test_a_membership_left_without_a_role_is_given_one_by_the_owner(portal: Portal, admin_pool: dict[str, Any]) -> None:
    """What an owner does after an upgrade finds a membership with no role (docs/admin-roles.md)."""
    tenant = reads.tenant(TENANT_ID)
    assert tenant is not None
    managing.get_member(tenant, AUDITOR).update(actions=[AdminMember.roles.remove()])
    assert portal.admin_sign_in(AUDITOR).status == 401

    managing.change_role(tenant, AUDITOR, "auditor", "admin:" + OWNER, CLIENT)

    portal.jar = {}
    assert portal.admin_sign_in(AUDITOR).status == 303
