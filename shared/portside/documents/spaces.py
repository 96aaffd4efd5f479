"""Document spaces: who may see which documents. Created and edited in the console, audited, version-checked.

A space is open to every partner (no partner named) or to the partners named, and to the partner
roles named (at least one). A tenant's spaces are few: the console lists them in one Query, and a
contact's are filtered from that same Query, so seeing one's spaces is one round trip.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.matrix import PARTNER_ROLES
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Partner, Tenant
from portside.documents.models import DocumentSpace
from portside.errors import Conflict, InvalidInput, NotFound
from portside.training.rights import checked_gate

MAX_SPACES = 200  # read in one Query: a tenant with more would page its spaces


@dataclass(frozen=True)
class SpaceFields:
    name: str
    description: str | None
    partner_ids: tuple[str, ...]  # empty: every partner
    roles: tuple[str, ...]
    requires_module: str | None = None  # a training module whose current certificate the space needs


def _checked(tenant: Tenant, fields: SpaceFields) -> SpaceFields:
    """The fields with roles in the matrix's order; partners that do not exist, or no role, refused."""
    roles = tuple(role for role in PARTNER_ROLES if role in fields.roles)
    if not roles or set(fields.roles) - set(PARTNER_ROLES):
        raise InvalidInput({"roles": "Choose at least one role: principal, salesperson or technical."})
    partner_ids = tuple(sorted(set(fields.partner_ids)))
    if partner_ids:
        keys = [Partner.keys_for(tenant.tenant_id, partner_id) for partner_id in partner_ids]
        found = {partner.partner_id for partner in Partner.batch_get(keys)}
        if found != set(partner_ids):
            raise InvalidInput({"partner_ids": "Choose partners from the list, or all partners."})
    gate = checked_gate(tenant, fields.requires_module, "requires_module")
    return SpaceFields(fields.name, fields.description, partner_ids, roles, gate)


def create_space(tenant: Tenant, fields: SpaceFields, actor: str, client: Client) -> DocumentSpace:
    fields = _checked(tenant, fields)
    space = DocumentSpace.build(
        tenant.tenant_id,
        uuid.uuid4().hex,
        fields.name,
        clock.now(),
        description=fields.description,
        partner_ids=list(fields.partner_ids),
        roles=list(fields.roles),
        requires_module=fields.requires_module,
    )
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "document_space.created",
            f"document_space:{space.space_id}",
            client,
            name=fields.name,
            partners=",".join(fields.partner_ids) or "all",
            roles=",".join(fields.roles),
            requires=fields.requires_module or "",
        )
    )
    changes.put(space, label="space", condition=DocumentSpace.PK.does_not_exist())
    changes.commit()
    return space


def get_space(tenant: Tenant, space_id: str) -> DocumentSpace:
    space = reads.get_or_none(DocumentSpace, DocumentSpace.keys_for(tenant.tenant_id, space_id))
    if space is None:
        raise NotFound(f"document space {space_id}")
    return space


def update_space(
    tenant: Tenant, space_id: str, version: int, fields: SpaceFields, actor: str, client: Client
) -> DocumentSpace:
    """Save ``fields`` over the space read at ``version``; a save from an older version is refused."""
    fields = _checked(tenant, fields)
    space = get_space(tenant, space_id)
    if space.version != version:
        raise Conflict(f"document space {space_id} is at version {space.version}, the form at {version}")
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "document_space.updated",
            f"document_space:{space_id}",
            client,
            name=fields.name,
            partners=",".join(fields.partner_ids) or "all",
            roles=",".join(fields.roles),
            requires=fields.requires_module or "",
        )
    )
    actions = [
        DocumentSpace.name.set(fields.name),
        DocumentSpace.description.set(fields.description) if fields.description else DocumentSpace.description.remove(),
        DocumentSpace.partner_ids.set(list(fields.partner_ids)),
        DocumentSpace.roles.set(list(fields.roles)),
        DocumentSpace.requires_module.set(fields.requires_module)
        if fields.requires_module
        else DocumentSpace.requires_module.remove(),
        DocumentSpace.updated_at.set(clock.now()),
        DocumentSpace.GSI1SK.set(DocumentSpace.list_order(fields.name, space_id)),
    ]
    changes.update(space, actions, label="space")  # PynamoDB adds the version condition and bump
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise Conflict(f"document space {space_id} changed meanwhile") from failed
    return get_space(tenant, space_id)


def list_spaces(tenant: Tenant) -> list[DocumentSpace]:
    """Every space of the tenant, by name."""
    listed = DocumentSpace.gsi1.query(DocumentSpace.list_partition(tenant.tenant_id), limit=MAX_SPACES)
    return [item for item in listed if isinstance(item, DocumentSpace)]  # the index yields the base type


def spaces_open_to(tenant: Tenant, partner_id: str, role: str) -> list[DocumentSpace]:
    """The spaces a contact of ``partner_id`` with ``role`` may see, by name."""
    return [space for space in list_spaces(tenant) if space.open_to(partner_id, role)]
