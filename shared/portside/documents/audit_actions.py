"""What the documents record in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "document.archived": "Document archived",
    "document.downloaded": "Document downloaded",
    "document.restored": "Document restored",
    "document.uploaded": "Document uploaded",
    "document_space.created": "Document space created",
    "document_space.updated": "Document space updated",
}
