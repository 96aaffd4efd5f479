"""Partners of a tenant: created here by the command line now, by the admin console later."""

from __future__ import annotations

from portside.audit import Client, audit_event
from portside.data.changes import Changes, ConditionFailed
from portside.data.models import Partner, Tenant
from portside.errors import InvalidInput


def create_partner(tenant: Tenant, partner_id: str, name: str, actor: str, client: Client) -> Partner:
    partner = Partner.build(tenant.tenant_id, partner_id, name)
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "partner.created", f"partner:{partner_id}", client, name=name)
    )
    changes.put(partner, label="partner", condition=Partner.PK.does_not_exist())
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise InvalidInput({"partner": f"Partner {partner_id} already exists."}) from failed
    return partner
