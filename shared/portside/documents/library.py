"""Documents in a space: uploaded and archived by admins, listed for the partners the space is open to.

An upload is checked by content (``storage.documents``), copied to the document's key, and only
then recorded: the document (or its next version), the title's claim, the space's count and shelf
and the audit event in one transaction. If that transaction fails, the copied version is deleted
again. Downloads are ``documents.downloads``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.documents.models import (
    Document,
    DocumentAnnouncement,
    DocumentSpace,
    DocumentTitle,
    DocumentVersion,
)
from portside.documents.shelf import MAX_SHELVED, CurrentDocuments, Shelved, shelf_change, shelf_size, shelved
from portside.documents.spaces import get_space, spaces_open_to
from portside.errors import Conflict, InvalidInput, NotFound
from portside.storage import documents as files
from portside.training.rights import Gate, current_modules, gate_for, gating_modules

MAX_DOCUMENTS = 500  # a space's documents are read in one Query
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


def _current(tenant: Tenant, space: DocumentSpace) -> CurrentDocuments:
    """How the shelf reads a space's documents from their own items, if it has none yet."""
    return lambda: space_documents(tenant, space.space_id, archived_too=False)


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
    """One transaction: the document or its next version, the title's claim, the space's count and shelf, the audit.

    A new version of an archived document stays archived, and off the shelf.
    """
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
    listed = Shelved(document_id, existing.title if existing else title, checked.content_type, checked.size, now)
    shelf_actions, shelf_condition = shelf_change(
        space,
        document_id,
        None if existing and existing.archived else listed,
        _current(tenant, space),
    )
    space_actions: list[Action] = [DocumentSpace.updated_at.set(now), *shelf_actions]
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
            condition=(Document.version_number == existing.version_number) & _archived_as_read(existing),
        )
    changes.update_key(
        DocumentSpace,
        DocumentSpace.keys_for(tenant_id, space.space_id),
        space_actions,
        label="space",
        condition=DocumentSpace.PK.exists() & shelf_condition,
    )
    changes.commit()
    return number


def _archived_as_read(document: Document) -> Condition:
    """The condition that ``document`` is archived or not as it was read: its shelf entry follows that."""
    return Document.archived.exists() if document.archived else Document.archived.does_not_exist()


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
    if existing is None and (shelf_size(space) or 0) >= MAX_SHELVED:
        raise InvalidInput(
            {"title": f"This space lists {MAX_SHELVED} documents, as many as one space can: archive some first."}
        )
    document_id = existing.document_id if existing else uuid.uuid4().hex
    object_version = files.publish(tenant.tenant_id, document_id, checked)
    try:
        number = _record(tenant, space, title, document_id, existing, checked, object_version, actor, client, notify)
    except ConditionFailed as failed:
        files.unpublish(tenant.tenant_id, document_id, object_version)
        if "space" in failed.labels:
            get_space(tenant, space_id)  # NotFound if it is gone; else its shelf changed meanwhile
        raise Conflict(f"another upload under {title!r} was saved meanwhile") from failed
    return Uploaded(document_id, number)


def set_archived(tenant: Tenant, document: Document, archived: bool, actor: str, client: Client) -> None:
    """Archive (partners no longer see or download it) or restore a document, on or off its space's shelf; audited.

    The document must still be at the version read: a restore puts that version on the shelf.
    """
    space = get_space(tenant, document.space_id)
    shelf_actions, shelf_condition = shelf_change(
        space,
        document.document_id,
        None if archived else Shelved.of(document),
        _current(tenant, space),
    )
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
        condition=Document.PK.exists() & (Document.version_number == document.version_number),
    )
    changes.update_key(
        DocumentSpace,
        DocumentSpace.keys_for(tenant.tenant_id, space.space_id),
        shelf_actions,
        label="space",
        condition=DocumentSpace.PK.exists() & shelf_condition,
    )
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise Conflict(f"document {document.document_id} changed meanwhile: look again") from failed


@dataclass(frozen=True)
class Shelf:
    """A space as a contact sees it: its documents, newest first, or the certificate it needs first."""

    space: DocumentSpace
    documents: list[Shelved]
    needs: Gate | None = None


def library(tenant: Tenant, contact: PartnerPrincipal, title_filter: str = "") -> list[Shelf]:
    """The spaces open to a contact and their current documents: one Query for the spaces and their shelves (and
    one per space saved before shelves), and where a space needs a certificate, one Query of the contact's
    certificates (and a BatchGet of the modules they lack)."""
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
        documents = shelved(space, _current(tenant, space))
        if wanted:
            documents = [document for document in documents if wanted in " ".join(document.title.casefold().split())]
        shelves.append(Shelf(space, documents))
    return shelves
