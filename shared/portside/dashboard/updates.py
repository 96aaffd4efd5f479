"""A partner's recent updates: what its contacts' dashboards show, and the page that says what to do next.

Each update is written in the transaction of the change it reports, and lives 30 days.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from portside import clock
from portside.auth.principal import PartnerPrincipal
from portside.data.models.tenants import Tenant
from portside.data.models.updates import PartnerUpdate

KEEP_FOR = timedelta(days=30)
PERSONAL = frozenset({"training"})  # updates for their own contact only: a certificate is a person's
SHOWN = 10


def partner_update(
    tenant_id: str, partner_id: str, resource: str, title: str, message: str, link: str, contact_id: str | None = None
) -> PartnerUpdate:
    now = clock.now()
    return PartnerUpdate.build(
        tenant_id,
        partner_id,
        now,
        uuid.uuid4().hex,
        resource=resource,
        title=title,
        message=message,
        link=link,
        contact_id=contact_id,
        expires_ttl=now + KEEP_FOR,
    )


def updates_for(tenant: Tenant, principal: PartnerPrincipal) -> list[PartnerUpdate]:
    """The newest updates the contact's role may see (a salesperson's own deals only, where the tenant says so;
    a certificate's news to its holder only), newest first: the first ``SHOWN`` are the dashboard's."""
    since = (clock.now() - KEEP_FOR).isoformat()
    found = PartnerUpdate.query(
        PartnerUpdate.partition_of(tenant.tenant_id, principal.partner_id),
        since <= PartnerUpdate.SK,
        scan_index_forward=False,
        limit=SHOWN * 3 + 1,  # the latest order changes, which sort first, and room for what is filtered out
    )
    only_own = principal.role == "salesperson" and bool(tenant.salespeople_see_only_own_deals)
    visible = [
        update
        for update in found
        if isinstance(update, PartnerUpdate)
        and principal.may(update.resource, "view")
        and not (only_own and update.resource == "deals" and update.contact_id != principal.contact_id)
        and not (update.resource in PERSONAL and update.contact_id != principal.contact_id)
    ]
    return visible


def latest_per_subject(updates: list[PartnerUpdate]) -> list[PartnerUpdate]:
    """Each subject's newest update only (``updates`` newest first): "approved" replaces "registered, pending"
    for the same deal, so the dashboard says where each thing stands now rather than piling up its history."""
    seen: set[tuple[str, str]] = set()
    latest = []
    for update in updates:
        subject = (update.resource, update.link)
        if subject not in seen:
            seen.add(subject)
            latest.append(update)
    return latest
