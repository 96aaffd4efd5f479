"""Partners of a tenant: created and edited in the admin console (and by the command line).

A partner's edits are optimistic: the form carries the version it was read at, and a save
from an older version is refused with "someone else changed this" instead of overwriting.
"""

from __future__ import annotations

from dataclasses import dataclass

from portside.audit import Client, audit_event
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact
from portside.data.models.tenants import Partner, Tenant
from portside.data.pages import Page, query_page
from portside.errors import Conflict, InvalidInput, NotFound

PAGE_SIZE = 25
# A label for the console; cutting a partner's access means disabling its contacts.
STATUSES = ("active", "prospect", "inactive")


@dataclass(frozen=True)
class PartnerFields:
    name: str
    tier: str | None = None
    territory: str | None = None
    status: str = "active"


def create_partner(tenant: Tenant, partner_id: str, details: PartnerFields, actor: str, client: Client) -> Partner:
    partner = Partner.build(
        tenant.tenant_id,
        partner_id,
        details.name,
        tier=details.tier,
        territory=details.territory,
        status=details.status,
    )
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "partner.created", f"partner:{partner_id}", client, name=details.name)
    )
    changes.put(partner, label="partner", condition=Partner.PK.does_not_exist())
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise InvalidInput({"partner_id": f"A partner with the id {partner_id} already exists."}) from failed
    return partner


def get_partner(tenant: Tenant, partner_id: str) -> Partner:
    partner = reads.partner(tenant.tenant_id, partner_id)
    if partner is None:
        raise NotFound(f"partner {partner_id}")
    return partner


def update_partner(
    tenant: Tenant, partner_id: str, version: int, fields: PartnerFields, actor: str, client: Client
) -> Partner:
    partner = get_partner(tenant, partner_id)
    if partner.version != version:
        raise Conflict(f"partner {partner_id} is at version {partner.version}, the form at {version}")
    changed = {
        name: getattr(fields, name)
        for name in ("name", "tier", "territory", "status")
        if getattr(partner, name) != getattr(fields, name)
    }
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "partner.updated", f"partner:{partner_id}", client, **changed)
    )
    actions = [
        Partner.name.set(fields.name),
        Partner.tier.set(fields.tier) if fields.tier else Partner.tier.remove(),
        Partner.territory.set(fields.territory) if fields.territory else Partner.territory.remove(),
        Partner.status.set(fields.status),
        Partner.GSI1SK.set(Partner.name_sort_key(fields.name, partner_id)),
    ]
    changes.update(partner, actions, label="partner")  # PynamoDB adds the version condition and bump
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise Conflict(f"partner {partner_id} changed meanwhile") from failed
    return get_partner(tenant, partner_id)


def list_partners(tenant: Tenant, search: str | None, cursor: str | None) -> Page[Partner]:
    """Partners by name; ``search`` keeps those whose name starts with it (any case)."""
    prefix = (search or "").strip().lower()
    condition = Partner.GSI1SK.startswith(prefix) if prefix else None
    return query_page(
        Partner, Partner.list_partition(tenant.tenant_id), condition, index="GSI1", limit=PAGE_SIZE, cursor=cursor
    )


def contacts_of(tenant: Tenant, partner_id: str, cursor: str | None = None) -> Page[Contact]:
    return query_page(
        Contact, Contact.partner_partition(tenant.tenant_id, partner_id), index="GSI1", limit=50, cursor=cursor
    )


def principals_and(tenant: Tenant, partner_id: str, contact_id: str) -> list[str]:
    """Who hears of a decision on a partner's submission: its active principals, and the contact who submitted."""
    contacts = Contact.gsi1.query(Contact.partner_partition(tenant.tenant_id, partner_id), limit=200)
    return sorted(
        {
            c.email
            for c in contacts
            if isinstance(c, Contact) and c.status == "active" and (c.role == "principal" or c.contact_id == contact_id)
        }
    )


def partner_names(tenant: Tenant, partner_ids: set[str]) -> dict[str, str]:
    """Names of the partners on one page: one BatchGet, however many contacts share them."""
    keys = [Partner.keys_for(tenant.tenant_id, partner_id) for partner_id in sorted(partner_ids)]
    return {partner.partner_id: partner.name for partner in Partner.batch_get(keys)} if keys else {}


PARTNER_CHOICES = 500


def partner_choices(tenant: Tenant) -> list[Partner]:
    """Partners by name, to choose from in a form (the first ``PARTNER_CHOICES``; one Query)."""
    listed = Partner.gsi1.query(Partner.list_partition(tenant.tenant_id), limit=PARTNER_CHOICES)
    return [item for item in listed if isinstance(item, Partner)]  # the index yields the base type
