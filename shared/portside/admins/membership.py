"""Giving a person the admin console of a tenant: a membership of that tenant, and a pool user if there is none.

The role is the membership's, never a Cognito group: one pool serves every tenant, so anything set
on a pool user would be seen by every tenant that user belongs to (docs/admin-roles.md). Someone
already in the pool (another tenant's admin, say) is added by membership only: their password,
authenticator and status stay as they are. Someone new gets a pool user, and Cognito mails them a
temporary password; at the first sign-in they choose their own and set up their authenticator.

The membership commits first; only then is the pool asked to create a user. Should Cognito fail,
the membership is taken back in a second audited transaction, so a refused add leaves nothing.
"""

from __future__ import annotations

from botocore.exceptions import ClientError

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.matrix import ADMIN_ROLES
from portside.aws import client as aws_client
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.admins import AdminMember
from portside.data.models.tenants import Tenant
from portside.errors import InvalidInput


def check_role(role: str) -> None:
    if role not in ADMIN_ROLES:
        raise InvalidInput({"role": f"Choose one of: {', '.join(ADMIN_ROLES)}."})


def add_membership(tenant: Tenant, email: str, role: str, actor: str, client: Client, **details: str) -> None:
    """The membership and its audit event, refused when ``email`` is already an admin of the tenant."""
    check_role(role)
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "admin.added", f"admin:{email}", client, role=role, **details)
    )
    member = AdminMember.build(tenant.tenant_id, email, roles=[role], created_at=clock.now(), **details)
    changes.put(member, label="member", condition=AdminMember.PK.does_not_exist())
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise InvalidInput({"email": f"{email} is already an admin here."}) from failed


def add_admin(tenant: Tenant, pool_id: str, email: str, role: str, actor: str, client: Client) -> bool:
    """Add a password-and-authenticator admin; returns whether a new pool user was created (and mailed)."""
    add_membership(tenant, email, role, actor, client)
    try:
        return _create_pool_user(pool_id, email)
    except ClientError:
        _take_back(tenant, email, actor, client)
        raise


def _create_pool_user(pool_id: str, email: str) -> bool:
    """A pool user for ``email``, unless the pool has one (which then stays exactly as it is)."""
    try:
        aws_client("cognito-idp").admin_create_user(
            UserPoolId=pool_id,
            Username=email,
            UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
            DesiredDeliveryMediums=["EMAIL"],
        )
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") == "UsernameExistsException":
            return False
        raise
    return True


def _take_back(tenant: Tenant, email: str, actor: str, client: Client) -> None:
    """The pool refused the user: the membership just added goes again (audited), so nothing is half-added."""
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "admin.removed", f"admin:{email}", client, reason="pool_refused_user")
    )
    changes.delete(AdminMember(*AdminMember.keys_for(tenant.tenant_id, email)), label="member")
    changes.commit()
