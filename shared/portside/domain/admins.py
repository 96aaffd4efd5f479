"""Giving a person the admin console of a tenant: a Cognito user in the group of their role, and a membership.

Cognito mails a new admin a temporary password; at the first sign-in they choose their own and
set up their authenticator. Someone who is already an admin (of another tenant, say) keeps their
password and gains the membership and the group.
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


def add_admin(tenant: Tenant, pool_id: str, email: str, role: str, actor: str, client: Client) -> bool:
    """Returns whether a new Cognito user was created (and mailed a temporary password)."""
    if role not in ADMIN_ROLES:
        raise InvalidInput({"role": f"Choose one of: {', '.join(ADMIN_ROLES)}."})
    cognito = aws_client("cognito-idp")
    created = True
    try:
        cognito.admin_create_user(
            UserPoolId=pool_id,
            Username=email,
            UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
            DesiredDeliveryMediums=["EMAIL"],
        )
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") != "UsernameExistsException":
            raise
        created = False
    cognito.admin_add_user_to_group(UserPoolId=pool_id, Username=email, GroupName=role)
    changes = Changes(audit_event(tenant.tenant_id, actor, "admin.added", f"admin:{email}", client, role=role))
    changes.put(
        AdminMember.build(tenant.tenant_id, email, roles=[role], created_at=clock.now()),
        label="member",
        condition=AdminMember.PK.does_not_exist(),
    )
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise InvalidInput(
            {"email": f"{email} is already an admin of {tenant.tenant_id}; added the group."}
        ) from failed
    return created
