"""Which of the company's identity provider groups open the console, and as which role (owner only).

Federated admins' roles come from their groups at each sign-in through these mappings: a group
mapped to no role opens nothing, and a mapping removed takes effect at the next sign-in. Every
change is audited.
"""

from __future__ import annotations

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.matrix import ADMIN_ROLES
from portside.data.changes import Changes
from portside.data.models.admins import GroupRole
from portside.data.models.tenants import Tenant
from portside.errors import InvalidInput, NotFound

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


def unmap_group(tenant: Tenant, group: str, actor: str, client: Client) -> None:
    if not any(mapping.group == group for mapping in list_group_roles(tenant)):
        raise NotFound(f"group mapping {group}")
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "sso.group_unmapped", f"tenant:{tenant.tenant_id}", client, group=group)
    )
    changes.delete(GroupRole(*GroupRole.keys_for(tenant.tenant_id, group)), label="mapping")
    changes.commit()
