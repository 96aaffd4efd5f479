"""Inviting a contact to a partner, and inviting again: the one service the console and the CLI call."""

from __future__ import annotations

import uuid

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.matrix import PARTNER_ROLE_LABELS, PARTNER_ROLES
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact, ContactEmail
from portside.data.models.records import OutboxMail
from portside.data.models.tenants import Tenant
from portside.errors import Conflict, InvalidInput, NotFound
from portside.mail.outbox import outbox_mail
from portside.sign_in.links import INVITE, INVITE_LIFETIME, IssuedLink, add_link
from portside.web.tenants import mail_brand


def invite_contact(
    tenant: Tenant, partner_id: str, email: str, name: str, role: str, actor: str, client: Client
) -> Contact:
    """Create the contact (status ``invited``) and mail a 7-day, single-use invite link."""
    if role not in PARTNER_ROLES:
        raise InvalidInput({"role": f"Choose one of: {', '.join(PARTNER_ROLES)}."})
    partner = reads.partner(tenant.tenant_id, partner_id)
    if partner is None:
        raise NotFound(f"partner {partner_id}")
    contact = Contact.build(
        tenant.tenant_id,
        uuid.uuid4().hex,
        partner_id,
        email.lower(),
        name,
        role,
        status="invited",
        created_at=clock.now(),
    )
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "contact.invited",
            f"contact:{contact.contact_id}",
            client,
            partner=partner_id,
            role=role,
            email=contact.email,
        )
    )
    changes.put(
        ContactEmail.build(tenant.tenant_id, contact.email, contact.contact_id),
        label="email",
        condition=ContactEmail.PK.does_not_exist(),
    )
    issued = add_link(changes, tenant, contact, INVITE)
    contact.live_invite_hash = issued.token.token_hash
    changes.put(contact, label="contact", condition=Contact.PK.does_not_exist())
    changes.put(_invite_mail(tenant, contact, issued, partner.name, inviter_of(actor)), label="mail")
    try:
        changes.commit()
    except ConditionFailed as failed:
        if "email" in failed.labels:
            raise InvalidInput({"email": "A contact with this address already exists."}) from failed
        raise
    return contact


def resend_invite(tenant: Tenant, contact_id: str, actor: str, client: Client) -> Contact:
    """A fresh 7-day invite link; the previous one stops working at once (it is no longer the live one)."""
    contact = reads.contact(tenant.tenant_id, contact_id)
    if contact is None:
        raise NotFound(f"contact {contact_id}")
    if contact.status != "invited":
        raise InvalidInput({"contact": "Only a contact who has not signed in yet can be sent an invite."})
    changes = Changes(audit_event(tenant.tenant_id, actor, "contact.invite_resent", f"contact:{contact_id}", client))
    add_fresh_invite(changes, tenant, contact, inviter_of(actor))
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise Conflict(f"contact {contact_id} changed meanwhile: {failed}") from failed
    return contact


def inviter_of(actor: str) -> str | None:
    """Who the invite says sent it: the admin's address; an operator's command names no one."""
    return actor.removeprefix("admin:") if actor.startswith("admin:") else None


def add_fresh_invite(changes: Changes, tenant: Tenant, contact: Contact, invited_by: str | None = None) -> None:
    """Add to ``changes`` a 7-day invite link that replaces the contact's live one, and its mail."""
    issued = add_link(changes, tenant, contact, INVITE)
    partner = reads.partner(tenant.tenant_id, contact.partner_id)
    changes.update(
        contact,
        [Contact.live_invite_hash.set(issued.token.token_hash)],
        label="contact",
        condition=Contact.status == "invited",
    )
    changes.put(_invite_mail(tenant, contact, issued, partner.name if partner else "", invited_by), label="mail")


def _invite_mail(
    tenant: Tenant, contact: Contact, issued: IssuedLink, partner_name: str, invited_by: str | None
) -> OutboxMail:
    return outbox_mail(
        tenant.tenant_id,
        contact.email,
        "invite",
        about=f"contact:{contact.contact_id}",
        secrets={"link": issued.url},
        name=contact.name,
        partner=partner_name,
        role=PARTNER_ROLE_LABELS.get(contact.role, contact.role),
        invited_by=invited_by or "",
        days=INVITE_LIFETIME.days,
        brand=mail_brand(tenant, contact.partner_id),
    )
