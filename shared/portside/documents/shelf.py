"""A space's shelf: its current documents as partners list them, kept on the space item itself.

The partners' page reads the tenant's spaces in one Query. Keeping each space's current
(unarchived) documents on the space lets that one Query show them too, so the page is two round
trips, the session's included, however many spaces a contact sees. Every change to what partners
list (an upload, an archive, a restore) updates the shelf in the transaction that changes the
document. A space saved before shelves existed has none: its documents are read as before, and its
first change writes its whole shelf, on the condition that no other change wrote one meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action

from portside.documents.models import Document, DocumentSpace

# A space item holds at most 400 KB: this many entries of up to about 1 KB (a 200-character title
# in four-byte characters) leave room for the space's own fields.
MAX_SHELVED = 300

CurrentDocuments = Callable[[], list[Document]]  # a space's unarchived documents, read from their own items


@dataclass(frozen=True)
class Shelved:
    """A document as the partners' list shows it."""

    document_id: str
    title: str
    content_type: str
    size: int
    uploaded_at: datetime

    @classmethod
    def of(cls, document: Document) -> Shelved:
        return cls(
            document.document_id, document.title, document.content_type, int(document.size), document.uploaded_at
        )

    @classmethod
    def stored(cls, document_id: str, fields: dict[str, Any]) -> Shelved:
        return cls(
            document_id,
            str(fields["title"]),
            str(fields["content_type"]),
            int(fields["size"]),
            datetime.fromisoformat(str(fields["uploaded_at"])),
        )

    def to_store(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "content_type": self.content_type,
            "size": self.size,
            "uploaded_at": self.uploaded_at.isoformat(),
        }


def shelved(space: DocumentSpace, current: CurrentDocuments) -> list[Shelved]:
    """The space's current documents, newest upload first."""
    if space.shelf is None:
        return [Shelved.of(document) for document in current()]
    entries = [Shelved.stored(document_id, fields) for document_id, fields in space.shelf.as_dict().items()]
    return sorted(entries, key=lambda entry: (entry.uploaded_at, entry.document_id), reverse=True)


def shelf_size(space: DocumentSpace) -> int | None:
    """How many documents the space's shelf lists (None: it has no shelf yet)."""
    return None if space.shelf is None else len(space.shelf.as_dict())


def shelf_change(
    space: DocumentSpace, document_id: str, entry: Shelved | None, current: CurrentDocuments
) -> tuple[list[Action], Condition]:
    """The space's update that puts ``entry`` on its shelf (None: takes the document off), and its condition."""
    if space.shelf is None:
        whole = {document.document_id: Shelved.of(document).to_store() for document in current()}
        whole.pop(document_id, None)
        if entry is not None:
            whole[document_id] = entry.to_store()
        return [DocumentSpace.shelf.set(whole)], DocumentSpace.shelf.does_not_exist()
    path = DocumentSpace.shelf[document_id]
    return [path.set(entry.to_store()) if entry else path.remove()], DocumentSpace.shelf.exists()
