"""What engagement records in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "contact.nudged": "Contact nudged",
}
