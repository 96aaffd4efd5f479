"""Engagement: who was invited and never signed in, who has not been seen for 30 or 90 days, and a nudge for each.

Both lists are key ranges of GSI2 (a tenant's contacts by status, then time), oldest first. A
nudge is a mail from a template: an invited contact gets a fresh invite link (the old one may
have expired, and dies now), a dormant one a reminder of where to sign in. Every nudge is
audited, and a contact is nudged at most once a day however often the button is pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from pynamodb.expressions.condition import Condition

from portside import clock
from portside.audit import Client, audit_event
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.errors import InvalidInput
from portside.mail.outbox import outbox_mail
from portside.partners.contacts import get_contact
from portside.partners.directory import partner_names
from portside.sign_in.links import INVITE, INVITE_LIFETIME, add_link
from portside.web.tenants import mail_brand

NUDGE_GAP = timedelta(days=1)
LIST_SIZE = 100


class Audience(StrEnum):
    NEVER_SIGNED_IN = "invited"
    QUIET = "quiet"  # signed in once, not seen for 30 days or more
    DORMANT = "dormant"  # not seen for 90 days or more


UNSEEN_FOR = {Audience.QUIET: timedelta(days=30), Audience.DORMANT: timedelta(days=90)}


@dataclass(frozen=True)
class EngagementRow:
    contact: Contact
    partner_name: str


def _list(tenant: Tenant, audience: Audience, cursor: str | None) -> Page[Contact]:
    key_range: Condition
    if audience is Audience.NEVER_SIGNED_IN:
        key_range = Contact.GSI2SK.startswith("0#")
    else:
        cutoff = (clock.now() - UNSEEN_FOR[audience]).isoformat()
        key_range = Contact.GSI2SK.between("1#", f"1#{cutoff}")
    return query_page(
        Contact, Contact.tenant_partition(tenant.tenant_id), key_range, index="GSI2", limit=LIST_SIZE, cursor=cursor
    )


def engagement_list(tenant: Tenant, audience: Audience, cursor: str | None) -> tuple[list[EngagementRow], str | None]:
    page = _list(tenant, audience, cursor)
    names = partner_names(tenant, {contact.partner_id for contact in page.items})
    rows = [EngagementRow(contact, names.get(contact.partner_id, contact.partner_id)) for contact in page.items]
    return sorted(rows, key=lambda row: row.partner_name.lower()), page.cursor


def _nudge(tenant: Tenant, contact: Contact, actor: str, client: Client) -> bool:
    """One contact's nudge in one transaction; False if it was nudged within the day (or changed meanwhile)."""
    now = clock.now()
    invited = contact.status == "invited"
    if contact.status == "disabled":
        return False
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "contact.nudged",
            f"contact:{contact.contact_id}",
            client,
            kind=Audience.NEVER_SIGNED_IN.value if invited else Audience.DORMANT.value,
        )
    )
    actions = [Contact.last_nudged_at.set(now)]
    secrets: dict[str, str] = {}
    if invited:
        issued = add_link(changes, tenant, contact, INVITE)
        actions.append(Contact.live_invite_hash.set(issued.token.token_hash))
        secrets["link"] = issued.url
    changes.update(
        contact,
        actions,
        label="contact",
        condition=(Contact.status == contact.status)
        & (Contact.last_nudged_at.does_not_exist() | (Contact.last_nudged_at < now - NUDGE_GAP)),
    )
    changes.put(
        outbox_mail(
            tenant.tenant_id,
            contact.email,
            "nudge",
            about=f"contact:{contact.contact_id}",
            secrets=secrets,
            name=contact.name,
            invited=invited,
            days=INVITE_LIFETIME.days,
            sign_in_url=f"{tenant.base_url.rstrip('/')}/partners/login",
            brand=mail_brand(tenant, contact.partner_id),
        ),
        label="mail",
    )
    try:
        changes.commit()
    except ConditionFailed:
        return False
    return True


def nudge_contact(tenant: Tenant, contact_id: str, actor: str, client: Client) -> int:
    return int(_nudge(tenant, get_contact(tenant, contact_id), actor, client))


def _audience(name: str) -> Audience:
    try:
        return Audience(name)
    except ValueError as error:
        raise InvalidInput({"group": "Choose the list to nudge."}) from error


def nudge_list(tenant: Tenant, audience: str, actor: str, client: Client) -> int:
    """Nudge everyone on the list's first page (read again here: the form names the list, never the contacts)."""
    return sum(_nudge(tenant, contact, actor, client) for contact in _list(tenant, _audience(audience), None).items)


def who_a_nudge_reaches(tenant: Tenant, audience: str) -> list[str]:
    """Everyone ``nudge_list`` would mail, one line each, for the admin to confirm first."""
    rows, _ = engagement_list(tenant, _audience(audience), None)
    return [f"{row.contact.name} <{row.contact.email}>, {row.partner_name}" for row in rows]
