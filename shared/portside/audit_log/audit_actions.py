"""What the audit log records in itself, by name (gathered with every feature's in ``names``)."""

ACTIONS: dict[str, str] = {
    "audit_log.exported": "Audit log exported",
}
