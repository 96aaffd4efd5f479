"""Admins managed from the console by the owner: add, change role, disable, remove; sessions end at once."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from infra.local.seed import TENANT_ID
from portside.aws import client
from portside.data.models.admins import AdminMember
from portside.data.models.records import AuditEvent
from tests.functional.portal import Portal

OWNER, OPS, FINANCE, AUDITOR = (f"{role}@northwind.example" for role in ("owner", "ops", "finance", "auditor"))


def member(email: str) -> AdminMember | None:
    try:
        return AdminMember.get(*AdminMember.keys_for(TENANT_ID, email), consistent_read=True)
    except AdminMember.DoesNotExist:
        return None


def pool_user(pool: dict[str, Any], email: str) -> dict[str, Any]:
    return client("cognito-idp").admin_get_user(UserPoolId=pool["pool_id"], Username=email)


def signed_in_as(portal: Portal, email: str) -> dict[str, str]:
    """A fresh console session of ``email``: its cookies, to come back to."""
    portal.jar.clear()
    assert portal.admin_sign_in(email).status == 303
    return dict(portal.jar)


def path(email: str, action: str) -> str:
    return f"/admin/admins/{quote(email, safe='')}/{action}"


def actions() -> list[str]:
    return [event.action for event in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))]


def test_the_owner_sees_every_admin_and_adds_one(portal: Portal, admin_pool: dict[str, Any]) -> None:
    signed_in_as(portal, OWNER)

    page = portal.get("/admin/admins").body
    added = portal.admin_post("/admin/admins", {"email": "New.Ops@Northwind.example", "role": "ops"})
    federated = portal.admin_post(
        "/admin/admins", {"email": "sso@northwind.example", "role": "finance", "sign_in": "federated"}
    )

    assert all(email in page for email in (OWNER, OPS, FINANCE, AUDITOR)) and "Password and authenticator" in page
    assert added.location == "/admin/admins?notice=added" and federated.location == "/admin/admins?notice=added"
    assert member("new.ops@northwind.example").roles == ["ops"]  # type: ignore[union-attr]
    assert pool_user(admin_pool, "new.ops@northwind.example")["UserStatus"] == "FORCE_CHANGE_PASSWORD"
    assert member("sso@northwind.example").sign_in == "federated"  # type: ignore[union-attr]
    assert actions().count("admin.added") == 2
    again = portal.admin_post("/admin/admins", {"email": OPS, "role": "ops", "sign_in": "federated"})
    assert again.status == 400 and "already an admin" in again.body


def test_a_role_change_ends_their_session_at_once(portal: Portal, admin_pool: dict[str, Any]) -> None:
    ops_session = signed_in_as(portal, OPS)
    signed_in_as(portal, OWNER)

    changed = portal.admin_post(path(OPS, "role"), {"role": "auditor"})

    assert changed.location == "/admin/admins?notice=role"
    assert member(OPS).roles == ["auditor"]  # type: ignore[union-attr]
    portal.jar = ops_session
    assert portal.get("/admin").status == 303  # signed out: the next request asks for a sign-in
    portal.jar.clear()
    portal.admin_sign_in(OPS)
    assert portal.get("/admin/partners/new").status == 403  # an auditor now


def test_a_disabled_admin_is_out_at_once_and_cannot_sign_in(portal: Portal, admin_pool: dict[str, Any]) -> None:
    finance_session = signed_in_as(portal, FINANCE)
    signed_in_as(portal, OWNER)

    asked = portal.admin_post(path(FINANCE, "status"), {"enabled": "false"})
    disabled = portal.admin_post(path(FINANCE, "status"), {"enabled": "false", "confirmed": "yes"})

    assert "Disable finance@northwind.example?" in asked.body and member(FINANCE).status == "disabled"  # type: ignore[union-attr]
    assert disabled.location == "/admin/admins?notice=disabled"
    portal.jar = finance_session
    assert portal.get("/admin").status == 303
    portal.jar.clear()
    assert portal.admin_sign_in(FINANCE).status != 303
    signed_in_as(portal, OWNER)
    portal.admin_post(path(FINANCE, "status"), {"enabled": "true"})
    assert signed_in_as(portal, FINANCE)


def test_a_removed_admin_loses_the_console(portal: Portal, admin_pool: dict[str, Any]) -> None:
    auditor_session = signed_in_as(portal, AUDITOR)
    signed_in_as(portal, OWNER)

    removed = portal.admin_post(path(AUDITOR, "remove"), {"confirmed": "yes"})

    assert removed.location == "/admin/admins?notice=removed" and member(AUDITOR) is None
    portal.jar = auditor_session
    assert portal.get("/admin").status == 303
    assert actions().count("admin.removed") == 1


@pytest.mark.parametrize(
    ("action", "form"),
    [("role", {"role": "ops"}), ("status", {"enabled": "false", "confirmed": "yes"}), ("remove", {"confirmed": "yes"})],
)
def test_the_last_owner_stays_an_owner(
    portal: Portal, admin_pool: dict[str, Any], action: str, form: dict[str, str]
) -> None:
    signed_in_as(portal, OWNER)

    refused = portal.admin_post(path(OWNER, action), form)

    assert refused.status == 409 and "last active owner" in refused.body
    assert member(OWNER).roles == ["owner"] and member(OWNER).status == "active"  # type: ignore[union-attr]


def test_with_a_second_owner_the_first_may_step_down(portal: Portal, admin_pool: dict[str, Any]) -> None:
    signed_in_as(portal, OWNER)
    portal.admin_post(path(OPS, "role"), {"role": "owner"})

    stepped_down = portal.admin_post(path(OWNER, "role"), {"role": "auditor"})

    assert stepped_down.location == "/admin/admins?notice=role" and member(OWNER).roles == ["auditor"]  # type: ignore[union-attr]


@pytest.mark.parametrize("email", [OPS, AUDITOR, FINANCE])
def test_only_the_owner_manages_admins(portal: Portal, admin_pool: dict[str, Any], email: str) -> None:
    signed_in_as(portal, email)

    listed = portal.get("/admin/admins")
    changed = portal.admin_post(path(FINANCE, "role"), {"role": "owner"})

    assert listed.status == (200 if email == AUDITOR else 403) and "Add an admin" not in listed.body
    assert changed.status == 403 and member(FINANCE).roles == ["finance"]  # type: ignore[union-attr]
