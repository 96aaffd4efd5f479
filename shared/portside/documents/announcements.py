"""Telling the contacts who may see a space about a new document: one outbox mail each, sent by the worker.

The upload only writes an announcement (in its own transaction), so it never waits for the mail.
The mail worker, woken by the announcement's stream record, finds the active contacts the space is
open to and writes one outbox mail per contact under an id made from the announcement and the
contact: a retried announcement never mails anyone twice. The sweeper fulfils announcements whose
stream record never reached the worker.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import timedelta

from pynamodb.exceptions import PutError

from portside import clock
from portside.data import reads
from portside.data.models.contacts import ACTIVITY_ORDER, Contact
from portside.data.models.records import OutboxMail
from portside.data.models.tenants import Tenant
from portside.documents.models import Document, DocumentAnnouncement, DocumentSpace
from portside.mail.outbox import outbox_mail
from portside.web.tenants import mail_brand

SWEEP_AFTER = timedelta(minutes=2)


def _readers(tenant: Tenant, space: DocumentSpace) -> Iterable[Contact]:
    """The active contacts the space is open to: per chosen partner, or the tenant's active contacts."""
    if space.partner_ids:
        found: Iterable[object] = (
            contact
            for partner_id in space.partner_ids
            for contact in Contact.gsi1.query(Contact.partner_partition(tenant.tenant_id, partner_id))
        )
    else:
        found = Contact.gsi2.query(
            Contact.tenant_partition(tenant.tenant_id), Contact.GSI2SK.startswith(f"{ACTIVITY_ORDER['active']}#")
        )
    for contact in found:
        if (
            isinstance(contact, Contact)
            and contact.status == "active"
            and space.open_to(contact.partner_id, contact.role)
        ):
            yield contact


def _mail_id(announcement: DocumentAnnouncement, contact_id: str) -> str:
    return hashlib.sha256(f"{announcement.PK}|{contact_id}".encode()).hexdigest()[:32]


def _queue(tenant: Tenant, announcement: DocumentAnnouncement, document: Document, contact: Contact) -> bool:
    """One contact's mail, unless an earlier attempt already queued it; True if queued now."""
    mail = outbox_mail(
        tenant.tenant_id,
        contact.email,
        "document_published",
        about=f"document:{document.document_id}",
        mail_id=_mail_id(announcement, contact.contact_id),
        title=document.title,
        new_version=int(announcement.version_number) > 1,
        documents_url=f"{tenant.base_url.rstrip('/')}/partners/documents",
        brand=mail_brand(tenant, contact.partner_id),
    )
    try:
        mail.save(condition=OutboxMail.PK.does_not_exist())
    except PutError as error:
        if error.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True


def fulfil(keys: tuple[str, str]) -> str:
    """Queue the announcement's mails and delete it: "sent" (with how many), or "skipped"."""
    announcement = reads.get_or_none(DocumentAnnouncement, keys, consistent=True)
    tenant = reads.tenant(announcement.tenant_id) if announcement is not None else None
    if announcement is None or tenant is None:
        return "skipped"
    document = reads.get_or_none(Document, Document.keys_for(tenant.tenant_id, announcement.document_id))
    space = (
        reads.get_or_none(DocumentSpace, DocumentSpace.keys_for(tenant.tenant_id, document.space_id))
        if document is not None
        else None
    )
    outcome = "skipped"
    if document is not None and space is not None and not document.archived:
        queued = sum(_queue(tenant, announcement, document, contact) for contact in _readers(tenant, space))
        outcome = f"sent:{queued}"
    announcement.delete()
    return outcome


def sweep() -> dict[str, int]:
    """Fulfil every announcement the stream has not delivered within a couple of minutes."""
    outcomes: dict[str, int] = {}
    before = (clock.now() - SWEEP_AFTER).isoformat()
    for tenant in reads.every_tenant():
        partition = DocumentAnnouncement.pending_partition(tenant.tenant_id)
        for item in DocumentAnnouncement.gsi1.query(partition, before >= DocumentAnnouncement.GSI1SK):
            outcome = fulfil((item.PK, item.SK)).partition(":")[0]
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes
