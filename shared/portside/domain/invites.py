"""Inviting a contact to a partner: the one service the CLI and (later) the admin page call."""

from __future__ import annotations

import uuid

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.matrix import PARTNER_ROLES
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models import Contact, ContactEmail, SignInToken, Tenant
from portside.domain.sign_in import INVITE, INVITE_LIFETIME, issue_link, mail_brand
from portside.errors import InvalidInput, NotFound
from portside.mail.outbox import outbox_mail


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
    issued = issue_link(tenant, contact, INVITE)
    contact.live_invite_hash = issued.token.token_hash
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
    changes.put(contact, label="contact", condition=Contact.PK.does_not_exist())
    changes.put(issued.token, label="token", condition=SignInToken.PK.does_not_exist())
    changes.put(
        outbox_mail(
            tenant.tenant_id,
            contact.email,
            "invite",
            secrets={"link": issued.url},
            name=name,
            partner=partner.name,
            days=INVITE_LIFETIME.days,
            brand=mail_brand(tenant, partner_id),
        ),
        label="mail",
    )
    try:
        changes.commit()
    except ConditionFailed as failed:
        if "email" in failed.labels:
            raise InvalidInput({"email": "A contact with this address already exists."}) from failed
        raise
    return contact
