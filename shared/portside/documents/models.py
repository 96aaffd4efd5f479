"""Documents: spaces (who may see them), the documents in a space, and every download of one.

A space is open to every partner or to a chosen few, and to some of the partner roles. A
document is the newest of its versions, named by its title within its space (a claim item makes
the title unique, so an upload with an existing title is a new version of that document). Each
download is an item of its own, in the document's download list, written with the audit record
and the download count in one transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)

from portside.data.base import PortsideItem, tenant_key


def title_key(title: str) -> str:
    """A title as it is compared within a space: ``Price list 2027`` and ``price  list 2027`` are one document."""
    return " ".join(title.casefold().split())


class DocumentSpace(PortsideItem, discriminator="DocumentSpace"):
    """A set of documents and who may see them; edited with optimistic locking."""

    tenant_id = UnicodeAttribute()
    space_id = UnicodeAttribute()
    name = UnicodeAttribute()
    description = UnicodeAttribute(null=True)
    partner_ids = ListAttribute[str](of=UnicodeAttribute, default=list)  # type: ignore[arg-type]  # empty: all
    roles = ListAttribute[str](of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    document_count = NumberAttribute(default=0)
    requires_module = UnicodeAttribute(null=True)  # a training module whose current certificate opens the space
    shelf: MapAttribute[str, Any] = MapAttribute(null=True)  # its current documents by id (documents.shelf)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, space_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "SPACE", space_id), "SPACE"

    @classmethod
    def list_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "SPACES")

    @staticmethod
    def list_order(name: str, space_id: str) -> str:
        return f"{title_key(name)}#{space_id}"

    def open_to(self, partner_id: str, role: str) -> bool:
        """Whether a contact of ``partner_id`` with ``role`` may see this space."""
        return role in (self.roles or []) and (not self.partner_ids or partner_id in self.partner_ids)

    @classmethod
    def build(cls, tenant_id: str, space_id: str, name: str, at: datetime, **fields: Any) -> DocumentSpace:
        pk, sk = cls.keys_for(tenant_id, space_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            space_id=space_id,
            name=name,
            created_at=at,
            updated_at=at,
            GSI1PK=cls.list_partition(tenant_id),
            GSI1SK=cls.list_order(name, space_id),
            **{"shelf": {}, **fields},
        )


class Document(PortsideItem, discriminator="Document"):
    """A document as partners get it: its newest version's file, and whether it is archived."""

    tenant_id = UnicodeAttribute()
    document_id = UnicodeAttribute()
    space_id = UnicodeAttribute()
    title = UnicodeAttribute()
    file_name = UnicodeAttribute()  # as uploaded; only ever sent back in a Content-Disposition
    content_type = UnicodeAttribute()  # from the file's first bytes, never from its name
    size = NumberAttribute()
    object_version = UnicodeAttribute(null=True)  # the bucket's version id of the newest upload
    version_number = NumberAttribute(default=1)
    uploaded_by = UnicodeAttribute()
    uploaded_at = UTCDateTimeAttribute()
    download_count = NumberAttribute(default=0)
    archived = UnicodeAttribute(null=True)  # "yes" when archived: partners neither see nor download it
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, document_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "DOCUMENT", document_id), "DOCUMENT"

    @classmethod
    def space_partition(cls, tenant_id: str, space_id: str) -> str:
        return tenant_key(tenant_id, "SPACE", space_id, "DOCUMENTS")

    @staticmethod
    def space_order(uploaded_at: datetime, document_id: str) -> str:
        return f"{uploaded_at.isoformat()}#{document_id}"

    @classmethod
    def build(cls, tenant_id: str, document_id: str, space_id: str, uploaded_at: datetime, **fields: Any) -> Document:
        pk, sk = cls.keys_for(tenant_id, document_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            document_id=document_id,
            space_id=space_id,
            uploaded_at=uploaded_at,
            GSI1PK=cls.space_partition(tenant_id, space_id),
            GSI1SK=cls.space_order(uploaded_at, document_id),
            **fields,
        )


class DocumentTitle(PortsideItem, discriminator="DocumentTitle"):
    """A title taken within a space: the upload of a file under it is a new version of its document."""

    document_id = UnicodeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, space_id: str, title: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "SPACE", space_id, "TITLE", title_key(title)), "TITLE"

    @classmethod
    def build(cls, tenant_id: str, space_id: str, title: str, document_id: str) -> DocumentTitle:
        pk, sk = cls.keys_for(tenant_id, space_id, title)
        return cls(pk, sk, document_id=document_id)


class DocumentVersion(PortsideItem, discriminator="DocumentVersion"):
    """One upload of a document, kept for the admins' list of versions (the bucket keeps the bytes)."""

    version_number = NumberAttribute()
    file_name = UnicodeAttribute()
    content_type = UnicodeAttribute()
    size = NumberAttribute()
    object_version = UnicodeAttribute(null=True)
    uploaded_by = UnicodeAttribute()
    uploaded_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, document_id: str, version_number: int) -> tuple[str, str]:
        return Document.keys_for(tenant_id, document_id)[0], f"VERSION#{version_number:06d}"

    @classmethod
    def build(cls, tenant_id: str, document_id: str, version_number: int, **fields: Any) -> DocumentVersion:
        pk, sk = cls.keys_for(tenant_id, document_id, version_number)
        return cls(pk, sk, version_number=version_number, **fields)


class Download(PortsideItem, discriminator="Download"):
    """One download of a document: who, which version, from where."""

    tenant_id = UnicodeAttribute()
    document_id = UnicodeAttribute()
    contact_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    version_number = NumberAttribute()
    at = UTCDateTimeAttribute()
    client_ip = UnicodeAttribute(null=True)
    user_agent = UnicodeAttribute(null=True)

    @classmethod
    def partition_of(cls, tenant_id: str, document_id: str) -> str:
        return tenant_key(tenant_id, "DOCUMENT", document_id, "DOWNLOADS")

    @classmethod
    def build(cls, tenant_id: str, document_id: str, at: datetime, download_id: str, **fields: Any) -> Download:
        return cls(
            cls.partition_of(tenant_id, document_id),
            f"{at.isoformat()}#{download_id}",
            tenant_id=tenant_id,
            document_id=document_id,
            at=at,
            **fields,
        )


class DocumentAnnouncement(PortsideItem, discriminator="DocumentAnnouncement"):
    """A request to mail the contacts who may see a new document (or version); the mail worker fans it out.

    Written with the upload, so the upload never waits for the mail; listed as pending until fulfilled,
    so the sweeper finds one whose stream record never reached the worker.
    """

    tenant_id = UnicodeAttribute()
    document_id = UnicodeAttribute()
    version_number = NumberAttribute()
    created_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, document_id: str, version_number: int) -> tuple[str, str]:
        return tenant_key(tenant_id, "ANNOUNCEMENT", document_id, str(version_number)), "ANNOUNCEMENT"

    @classmethod
    def pending_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "ANNOUNCEMENTS")

    @classmethod
    def build(cls, tenant_id: str, document_id: str, version_number: int, at: datetime) -> DocumentAnnouncement:
        pk, sk = cls.keys_for(tenant_id, document_id, version_number)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            document_id=document_id,
            version_number=version_number,
            created_at=at,
            GSI1PK=cls.pending_partition(tenant_id),
            GSI1SK=f"{at.isoformat()}#{document_id}",
        )
