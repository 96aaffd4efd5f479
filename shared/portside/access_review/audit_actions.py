"""What access review records in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "access_review.completed": "Access review completed",
}
