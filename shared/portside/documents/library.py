"""Documents in a space: uploaded and archived by admins, downloaded by the partners the space is open to.

An upload is checked by content (``storage.documents``), copied to the document's key, and only
then recorded: the document (or its next version), the title's claim, the space's count and the
audit event in one transaction. If that transaction fails, the copied version is deleted again.
A download is counted, listed and audited in one transaction before its one-minute URL is made.
A document a contact may not see, archived included, is "not found": ids reveal nothing.
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass
from typing import Any

from pynamodb.expressions.update import Action

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.base import PortsideItem
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact
from portside.data.models.tenants import Partner, Tenant
from portside.data.pages import Page, query_page
from portside.documents.models import (
    Document,
    DocumentAnnouncement,
    DocumentSpace,
    DocumentTitle,
    DocumentVersion,
    Download,
)
from portside.documents.spaces import get_space, spaces_open_to
from portside.errors import Conflict, NotFound
from portside.storage import documents as files
from portside.text import spreadsheet_cell
from portside.training.rights import Gate, current_modules, gate_for, gating_modules, require_certificate

MAX_DOCUMENTS = 500  # a space's documents are read in one Query
DOWNLOADS_PAGE = 50
TYPE_LABELS = files.ALLOWED_TYPES  # what each accepted file type is called on the pages


def get_document(tenant: Tenant, document_id: str) -> Document:
    document = reads.get_or_none(Document, Document.keys_for(tenant.tenant_id, document_id[:64]))
    if document is None:
        raise NotFound(f"document {document_id}")
    return document


def document_in_space(tenant: Tenant, space_id: str, document_id: str) -> Document:
    """The document, if it lies in ``space_id``: a space's page never shows another space's document."""
    document = get_document(tenant, document_id)
    if document.space_id != space_id:
        raise NotFound(f"document {document_id} in space {space_id}")
    return document


def space_documents(tenant: Tenant, space_id: str, *, archived_too: bool) -> list[Document]:
    """A space's documents, newest upload first; partners never get the archived ones."""
    listed = Document.gsi1.query(
        Document.space_partition(tenant.tenant_id, space_id),
        scan_index_forward=False,
        filter_condition=None if archived_too else Document.archived.does_not_exist(),
        limit=MAX_DOCUMENTS,
    )
    return [item for item in listed if isinstance(item, Document)]


def versions_of(tenant: Tenant, document_id: str) -> list[DocumentVersion]:
    """Every upload of a document, newest first."""
    partition = Document.keys_for(tenant.tenant_id, document_id)[0]
    listed = DocumentVersion.query(partition, DocumentVersion.SK.startswith("VERSION#"), scan_index_forward=False)
    return list(listed)


@dataclass(frozen=True)
class Uploaded:
    document_id: str
    version_number: int

    @property
    def new_document(self) -> bool:
        return self.version_number == 1


def _record(
    tenant: Tenant,
    space: DocumentSpace,
    title: str,
    document_id: str,
    existing: Document | None,
    checked: files.CheckedUpload,
    object_version: str | None,
    actor: str,
    client: Client,
    notify: bool,
) -> int:
    """One transaction: the document or its next version, the title's claim, the space's count, the audit."""
    now, tenant_id = clock.now(), tenant.tenant_id
    number = int(existing.version_number) + 1 if existing else 1
    uploaded: dict[str, Any] = {
        "file_name": checked.file_name,
        "content_type": checked.content_type,
        "size": checked.size,
        "object_version": object_version,
        "uploaded_by": actor,
        "uploaded_at": now,
    }
    changes = Changes(
        audit_event(
            tenant_id,
            actor,
            "document.uploaded",
            f"document:{document_id}",
            client,
            title=title,
            space=space.space_id,
            file_name=checked.file_name,
            content_type=checked.content_type,
            size=checked.size,
            version=number,
            notify=notify,
        )
    )
    changes.put(DocumentVersion.build(tenant_id, document_id, number, **uploaded), label="version")
    if notify:  # the mail worker mails each reader; the upload never waits for it
        changes.put(DocumentAnnouncement.build(tenant_id, document_id, number, now), label="announcement")
    space_actions: list[Action] = [DocumentSpace.updated_at.set(now)]
    if existing is None:
        changes.put(
            DocumentTitle.build(tenant_id, space.space_id, title, document_id),
            label="title",
            condition=DocumentTitle.PK.does_not_exist(),
        )
        changes.put(
            Document.build(tenant_id, document_id, space.space_id, title=title, **uploaded),
            label="document",
            condition=Document.PK.does_not_exist(),
        )
        space_actions.append(DocumentSpace.document_count.add(1))
    else:
        changes.update_key(
            Document,
            Document.keys_for(tenant_id, document_id),
            [
                *(getattr(Document, name).set(value) for name, value in uploaded.items() if value is not None),
                *([] if object_version else [Document.object_version.remove()]),  # an unversioned bucket's newest
                Document.version_number.set(number),
                Document.GSI1SK.set(Document.space_order(now, document_id)),
            ],
            label="document",
            condition=Document.version_number == existing.version_number,
        )
    changes.update_key(
        DocumentSpace,
        DocumentSpace.keys_for(tenant_id, space.space_id),
        space_actions,
        label="space",
        condition=DocumentSpace.PK.exists(),
    )
    changes.commit()
    return number


def upload_in_space(tenant_id: str, space_id: str, key: str) -> files.Upload:
    """The upload a space's form names by its S3 key, if it is one of that space's (else InvalidInput)."""
    return files.upload_of(tenant_id, files.space_folder(space_id), key)


def upload(
    tenant: Tenant,
    space_id: str,
    title: str,
    upload: files.Upload,
    actor: str,
    client: Client,
    *,
    notify: bool = False,
) -> Uploaded:
    """Check an upload and record it under ``title``: a new document, or the next version of the one with that title.

    A file that fails the checks is deleted and answers InvalidInput; an upload under the same
    title at the same moment answers Conflict, and nothing of this one is kept. ``notify``: mail
    every contact who may see the space (through the mail worker).
    """
    space = get_space(tenant, space_id)
    checked = files.check_upload(upload)
    claim = reads.get_or_none(DocumentTitle, DocumentTitle.keys_for(tenant.tenant_id, space_id, title), consistent=True)
    existing = get_document(tenant, str(claim.document_id)) if claim else None
    document_id = existing.document_id if existing else uuid.uuid4().hex
    object_version = files.publish(tenant.tenant_id, document_id, checked)
    try:
        number = _record(tenant, space, title, document_id, existing, checked, object_version, actor, client, notify)
    except ConditionFailed as failed:
        files.unpublish(tenant.tenant_id, document_id, object_version)
        if "space" in failed.labels:
            raise NotFound(f"document space {space_id}") from failed
        raise Conflict(f"another upload under {title!r} was saved meanwhile") from failed
    return Uploaded(document_id, number)


def set_archived(tenant: Tenant, document: Document, archived: bool, actor: str, client: Client) -> None:
    """Archive (partners no longer see or download it) or restore a document; audited either way."""
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "document.archived" if archived else "document.restored",
            f"document:{document.document_id}",
            client,
            title=document.title,
            space=document.space_id,
        )
    )
    changes.update_key(
        Document,
        Document.keys_for(tenant.tenant_id, document.document_id),
        [Document.archived.set("yes") if archived else Document.archived.remove()],
        label="document",
        condition=Document.PK.exists(),
    )
    changes.commit()


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


@dataclass(frozen=True)
class Shelf:
    """A space as a contact sees it: its documents, newest first, or the certificate it needs first."""

    space: DocumentSpace
    documents: list[Document]
    needs: Gate | None = None


def library(tenant: Tenant, contact: PartnerPrincipal, title_filter: str = "") -> list[Shelf]:
    """The spaces open to a contact and their current documents: one Query for the spaces, one per open space,
    and where a space needs a certificate, one Query of the contact's (and a BatchGet of what they lack)."""
    wanted = " ".join(title_filter.casefold().split())
    spaces = spaces_open_to(tenant, contact.partner_id, contact.role)
    gated = {space.requires_module for space in spaces if space.requires_module}
    held = current_modules(tenant, contact.contact_id) if gated else set()
    modules = gating_modules(tenant, gated - held)
    shelves = []
    for space in spaces:
        module_id = space.requires_module
        gate = (
            gate_for(modules.get(module_id), module_id, contact.role) if module_id and module_id not in held else None
        )
        if gate is not None:
            shelves.append(Shelf(space, [], gate))
            continue
        documents = space_documents(tenant, space.space_id, archived_too=False)
        if wanted:
            documents = [document for document in documents if wanted in " ".join(document.title.casefold().split())]
        shelves.append(Shelf(space, documents))
    return shelves
