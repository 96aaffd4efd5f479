"""The tenant's admins, as its owner manages them in the console: add, change role, disable, enable, remove.

- A pool admin's role is their Cognito group (the design's rule: groups are roles); the
  membership says which tenant's console they may open and mirrors the role. A federated admin
  (signing in through the company's identity provider) has a membership only.
- Changing a role, disabling and removing end every session of the admin in the same
  transaction: the change holds from their very next request, not at their next sign-in.
- The last active owner cannot be demoted, disabled or removed. The transaction checks that
  another owner is still an active owner, so two owners demoting each other at once cannot both land.
- Every change is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from botocore.exceptions import ClientError

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.matrix import ADMIN_ROLES
from portside.aws import client as aws_client
from portside.data import admin_reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.admins import AdminMember, AdminSession
from portside.data.models.tenants import Tenant
from portside.domain.admins import add_admin
from portside.errors import Conflict, InvalidInput, NotFound

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
    if role not in ADMIN_ROLES:
        raise InvalidInput({"role": f"Choose one of: {', '.join(ADMIN_ROLES)}."})
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "admin.added", f"admin:{email}", client, role=role, sign_in="federated")
    )
    changes.put(
        AdminMember.build(tenant.tenant_id, email, roles=[role], sign_in="federated", created_at=clock.now()),
        label="member",
        condition=AdminMember.PK.does_not_exist(),
    )
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise InvalidInput({"email": f"{email} is already an admin here."}) from failed
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


def _move_groups(pool_id: str, email: str, add: str, remove: list[str]) -> None:
    cognito = aws_client("cognito-idp")
    cognito.admin_add_user_to_group(UserPoolId=pool_id, Username=email, GroupName=add)
    for group in remove:
        try:
            cognito.admin_remove_user_from_group(UserPoolId=pool_id, Username=email, GroupName=group)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "ResourceNotFoundException":
                raise


def change_role(tenant: Tenant, pool_id: str, email: str, role: str, actor: str, client: Client) -> None:
    if role not in ADMIN_ROLES:
        raise InvalidInput({"role": f"Choose one of: {', '.join(ADMIN_ROLES)}."})
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
    changes.update(member, [AdminMember.roles.set([role])], label="member", condition=AdminMember.PK.exists())
    _end_sessions(changes, tenant, member.email)
    if member.sign_in != "federated":  # the pool's groups are a pool admin's roles
        _move_groups(pool_id, member.email, role, [group for group in before if group != role])
    try:
        _commit(changes, member.email)
    except Conflict:
        if member.sign_in != "federated" and before:  # the change did not land: the groups as they were
            _move_groups(pool_id, member.email, before[0], [role])
        raise


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
