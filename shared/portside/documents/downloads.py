"""Downloads of a document: who may have it, the audited one-minute link, and the admins' list and export.

A download is counted, listed and audited in one transaction before its one-minute URL is made.
A document a contact may not see, archived included, is "not found": ids reveal nothing.
"""

from __future__ import annotations

import csv
import io
import uuid

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.base import PortsideItem
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact
from portside.data.models.tenants import Partner, Tenant
from portside.data.pages import Page, query_page
from portside.documents.library import get_document
from portside.documents.models import Document, DocumentSpace, Download
from portside.errors import Conflict, NotFound
from portside.storage import documents as files
from portside.text import spreadsheet_cell
from portside.training.rights import require_certificate

DOWNLOADS_PAGE = 50


def visible_document(tenant: Tenant, document_id: str, contact: PartnerPrincipal) -> Document:
    """The document, if the contact may have it now; else NotFound (or CertificateNeeded, naming the module)."""
    document = get_document(tenant, document_id)
    space = reads.get_or_none(DocumentSpace, DocumentSpace.keys_for(tenant.tenant_id, document.space_id))
    if document.archived or space is None or not space.open_to(contact.partner_id, contact.role):
        raise NotFound(f"document {document_id}")
    require_certificate(tenant, contact, space.requires_module)
    return document


def download_link(tenant: Tenant, document: Document, contact: PartnerPrincipal, client: Client) -> str:
    """A one-minute link to the document's current version, once its download is recorded."""
    record_download(tenant, document, contact.contact_id, contact.partner_id, client)
    return files.download_url(
        tenant.tenant_id, document.document_id, document.object_version, document.file_name, document.content_type
    )


def record_download(tenant: Tenant, document: Document, contact_id: str, partner_id: str, client: Client) -> None:
    """List, count and audit one download in one transaction, of the version that will be served.

    The document must still be unarchived and at that version when the transaction runs: an
    archive or an upload in between makes it NotFound or a Conflict, and nothing is counted.
    """
    now, tenant_id = clock.now(), tenant.tenant_id
    changes = Changes(
        audit_event(
            tenant_id,
            f"contact:{contact_id}",
            "document.downloaded",
            f"document:{document.document_id}",
            client,
            title=document.title,
            partner=partner_id,
            version=int(document.version_number),
            file_name=document.file_name,
        )
    )
    changes.put(
        Download.build(
            tenant_id,
            document.document_id,
            now,
            uuid.uuid4().hex,
            contact_id=contact_id,
            partner_id=partner_id,
            version_number=int(document.version_number),
            client_ip=client.ip,
            user_agent=(client.user_agent or "")[:512] or None,
        ),
        label="download",
    )
    changes.update_key(
        Document,
        Document.keys_for(tenant_id, document.document_id),
        [Document.download_count.add(1)],
        label="document",
        condition=(
            Document.PK.exists()
            & Document.archived.does_not_exist()
            & (Document.version_number == document.version_number)
        ),
    )
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise Conflict(f"document {document.document_id} changed while it was asked for") from failed


def downloads_page(tenant: Tenant, document_id: str, cursor: str | None, limit: int | None = None) -> Page[Download]:
    """A page of a document's downloads, newest first."""
    partition = Download.partition_of(tenant.tenant_id, document_id)
    return query_page(Download, partition, limit=limit or DOWNLOADS_PAGE, cursor=cursor, newest_first=True)


def downloader_names(tenant: Tenant, downloads: list[Download]) -> dict[str, str]:
    """``{"contact:<id>": name, "partner:<id>": name}`` for a page of downloads: one BatchGet for both."""
    keys = {Contact.keys_for(tenant.tenant_id, item.contact_id) for item in downloads}
    keys |= {Partner.keys_for(tenant.tenant_id, item.partner_id) for item in downloads}
    named = PortsideItem.batch_get(sorted(keys)) if keys else []
    return {
        f"contact:{item.contact_id}" if isinstance(item, Contact) else f"partner:{item.partner_id}": str(item.name)
        for item in named
        if isinstance(item, Contact | Partner)
    }


EXPORT_ROWS = 1000  # rows per part of a CSV export; the rest follows its cursor
CSV_COLUMNS = (
    "Downloaded at (UTC)",
    "Contact",
    "Contact id",
    "Partner",
    "Partner id",
    "Version",
    "Client IP",
    "User agent",
)


def downloads_csv(tenant: Tenant, document_id: str, cursor: str | None) -> tuple[str, str | None]:
    """Up to EXPORT_ROWS downloads of a document as CSV, newest first, and the cursor of the rest."""
    downloads = downloads_page(tenant, document_id, cursor, limit=EXPORT_ROWS)
    names = downloader_names(tenant, downloads.items)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for item in downloads.items:
        row = (
            item.at.isoformat(timespec="seconds"),
            names.get(f"contact:{item.contact_id}", ""),
            item.contact_id,
            names.get(f"partner:{item.partner_id}", ""),
            item.partner_id,
            int(item.version_number),
            item.client_ip,
            item.user_agent,
        )
        writer.writerow(spreadsheet_cell(value) for value in row)
    return out.getvalue(), downloads.cursor
