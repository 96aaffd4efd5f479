"""Which of the company's identity provider groups open the console, and as which role (owner only).

Federated admins' roles come from their groups at each sign-in through these mappings: a group
mapped to no role opens nothing, and a mapping removed takes effect at the next sign-in. Every
change is audited. So is the owner's choice to offer single sign-on only (no password sign-in).
"""

from __future__ import annotations

from portside import clock
from portside.admins.models import GroupRole
from portside.audit import Client, audit_event
from portside.auth.matrix import ADMIN_ROLES
from portside.auth.sso_provider import provider_name
from portside.data.changes import Changes
from portside.data.models.tenants import Tenant
from portside.errors import InvalidInput, NotFound
from portside.web import tenants

MAPPINGS_LIMIT = 200


def list_group_roles(tenant: Tenant) -> list[GroupRole]:
    """The tenant's mappings by group name: one Query."""
    found = GroupRole.query(GroupRole.partition_of(tenant.tenant_id), limit=MAPPINGS_LIMIT)
    return [item for item in found if isinstance(item, GroupRole)]


def roles_for_groups(mappings: list[GroupRole], groups: list[str]) -> list[str]:
    """The admin roles ``groups`` open, in the matrix's order (groups compared exactly, as the provider names them)."""
    mapped = {mapping.role for mapping in mappings if mapping.group in groups}
    return [role for role in ADMIN_ROLES if role in mapped]


def map_group(tenant: Tenant, group: str, role: str, actor: str, client: Client) -> None:
    """Map ``group`` to ``role`` (a group's earlier role is replaced)."""
    if role not in ADMIN_ROLES:
        raise InvalidInput({"role": f"Choose one of: {', '.join(ADMIN_ROLES)}."})
    if role != "owner":
        _keep_an_owner_group(tenant, group, "role")
    changes = Changes(
        audit_event(
            tenant.tenant_id, actor, "sso.group_mapped", f"tenant:{tenant.tenant_id}", client, group=group, role=role
        )
    )
    changes.put(
        GroupRole(
            *GroupRole.keys_for(tenant.tenant_id, group),
            tenant_id=tenant.tenant_id,
            group=group,
            role=role,
            created_at=clock.now(),
            created_by=actor,
        ),
        label="mapping",
    )
    changes.commit()


def _keep_an_owner_group(tenant: Tenant, group: str, field: str) -> None:
    """While admins sign in through the provider only, ``group`` may stop opening the console as owner only
    if another group still does: else no owner could sign in to undo anything."""
    if not tenants.fresh_tenant(tenant.tenant_id).admin_sso_only:  # not the request's copy, which may be a minute old
        return
    if not any(m.role == "owner" and m.group != group for m in list_group_roles(tenant)):
        message = "Admins sign in through the identity provider only: keep a group mapped to owner, or turn that off."
        raise InvalidInput({field: message})


def unmap_group(tenant: Tenant, group: str, actor: str, client: Client) -> None:
    if not any(mapping.group == group for mapping in list_group_roles(tenant)):
        raise NotFound(f"group mapping {group}")
    _keep_an_owner_group(tenant, group, "group")
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "sso.group_unmapped", f"tenant:{tenant.tenant_id}", client, group=group)
    )
    changes.delete(GroupRole(*GroupRole.keys_for(tenant.tenant_id, group)), label="mapping")
    changes.commit()


def set_sso_only(tenant_id: str, sso_only: bool, version: int, actor: str, client: Client) -> None:
    """Offer single sign-on only, or beside password and authenticator.

    Only when a provider is configured and some group opens the console as owner: otherwise
    nobody could sign in to undo it.
    """
    tenant = tenants.tenant_at(tenant_id, version)
    if sso_only and not provider_name():
        raise InvalidInput({"sso_only": "No identity provider is configured here, so admins need their passwords."})
    if sso_only and not any(mapping.role == "owner" for mapping in list_group_roles(tenant)):
        raise InvalidInput({"sso_only": "Map a group to the owner role first, so that an owner can still sign in."})
    if bool(tenant.admin_sso_only) == sso_only:
        return
    tenants.save_tenant_change(
        tenant,
        [Tenant.admin_sso_only.set("yes") if sso_only else Tenant.admin_sso_only.remove()],
        audit_event(tenant_id, actor, "sso.mode_changed", f"tenant:{tenant_id}", client, sso_only=sso_only),
    )
