"""The tenant's admins, as its owner manages them in the console: add, change role, disable, enable, remove.

- An admin's role in a tenant is that tenant's membership item and nothing else. One Cognito pool
  serves every tenant, so nothing here changes a pool user: a change is one transaction in the
  table, and a refused change leaves no trace anywhere (docs/admin-roles.md).
- Changing a role, disabling and removing end every session of the admin in the same
  transaction: the change holds from their very next request, not at their next sign-in.
- The last active owner cannot be demoted, disabled or removed. The transaction checks that
  another owner is still an active owner, so two owners demoting each other at once cannot both land.
- Every change is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from portside.admins.membership import add_admin, add_membership, check_role
from portside.audit import Client, audit_event
from portside.data import admin_reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.admins import AdminMember, AdminSession
from portside.data.models.tenants import Tenant
from portside.errors import Conflict, NotFound

LIST_LIMIT = 500
SIGN_IN_LABELS = {"password": "Password and authenticator", "federated": "The company's identity provider"}


class LastOwner(Conflict):
    public_message = "This is the tenant's last active owner: make someone else an owner first."


@dataclass(frozen=True)
class AdminsView:
    members: list[AdminMember]
    owners: int  # active owners


def list_admins(tenant: Tenant) -> AdminsView:
    """Every admin of the tenant by address: one Query."""
    found = AdminMember.gsi1.query(AdminMember.list_partition(tenant.tenant_id), limit=LIST_LIMIT)
    members = [member for member in found if isinstance(member, AdminMember)]
    return AdminsView(members, sum(1 for m in members if _active_owner(m)))


def _active_owner(member: AdminMember) -> bool:
    return member.status == "active" and "owner" in (member.roles or [])


def get_member(tenant: Tenant, email: str) -> AdminMember:
    member = admin_reads.admin_member(tenant.tenant_id, email[:254])
    if member is None:
        raise NotFound(f"admin {email}")
    return member


def add_member(
    tenant: Tenant, pool_id: str, email: str, role: str, federated: bool, actor: str, client: Client
) -> bool:
    """Add an admin; returns whether Cognito created (and mailed) a new pool user."""
    if not federated:
        return add_admin(tenant, pool_id, email, role, actor, client)
    add_membership(tenant, email, role, actor, client, sign_in="federated")
    return False


def _keep_an_owner(changes: Changes, tenant: Tenant, member: AdminMember) -> None:
    """When ``member`` is an active owner about to stop being one: check another stays one, in the transaction."""
    if not _active_owner(member):
        return
    others = [m for m in list_admins(tenant).members if _active_owner(m) and m.email != member.email]
    if not others:
        raise LastOwner(f"{member.email} is the last owner of {tenant.tenant_id}")
    other = others[0]
    condition = (AdminMember.status == "active") & AdminMember.roles.contains("owner")
    changes.check(AdminMember, AdminMember.keys_for(tenant.tenant_id, other.email), condition, label="owner")


def _end_sessions(changes: Changes, tenant: Tenant, email: str) -> int:
    sessions = AdminSession.gsi1.query(AdminSession.admin_partition(tenant.tenant_id, email))
    ended = 0
    for session in sessions:
        changes.delete(AdminSession(session.PK, session.SK), label=f"session:{ended}")
        ended += 1
    return ended


def _commit(changes: Changes, email: str) -> None:
    try:
        changes.commit()
    except ConditionFailed as failed:
        if "owner" in failed.labels:
            raise LastOwner(f"the other owner of {email}'s tenant changed meanwhile") from failed
        raise Conflict(f"admin {email} changed meanwhile") from failed


def change_role(tenant: Tenant, email: str, role: str, actor: str, client: Client) -> None:
    check_role(role)
    member = get_member(tenant, email)
    before = list(member.roles or [])
    if before == [role]:
        return
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "admin.role_changed",
            f"admin:{member.email}",
            client,
            before=",".join(before),
            role=role,
        )
    )
    if role != "owner":
        _keep_an_owner(changes, tenant, member)
    as_read = (
        (AdminMember.roles == before) if before else (AdminMember.roles.does_not_exist() | (AdminMember.roles == []))
    )
    changes.update(member, [AdminMember.roles.set([role])], label="member", condition=as_read)
    _end_sessions(changes, tenant, member.email)
    _commit(changes, member.email)


def set_enabled(tenant: Tenant, email: str, enabled: bool, actor: str, client: Client) -> None:
    member = get_member(tenant, email)
    status = "active" if enabled else "disabled"
    if member.status == status:
        return
    action = "admin.enabled" if enabled else "admin.disabled"
    changes = Changes(audit_event(tenant.tenant_id, actor, action, f"admin:{member.email}", client))
    if not enabled:
        _keep_an_owner(changes, tenant, member)
        _end_sessions(changes, tenant, member.email)
    changes.update(member, [AdminMember.status.set(status)], label="member", condition=AdminMember.PK.exists())
    _commit(changes, member.email)


def remove_member(tenant: Tenant, email: str, actor: str, client: Client) -> None:
    """The membership goes (the pool user stays: it may be another tenant's admin)."""
    member = get_member(tenant, email)
    changes = Changes(audit_event(tenant.tenant_id, actor, "admin.removed", f"admin:{member.email}", client))
    _keep_an_owner(changes, tenant, member)
    _end_sessions(changes, tenant, member.email)
    changes.delete(member, label="member", condition=AdminMember.PK.exists())
    _commit(changes, member.email)
