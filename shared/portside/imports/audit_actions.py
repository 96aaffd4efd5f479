"""What the imports record in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "import.approved": "Held import approved (the second pair of eyes)",
    "import.declined": "Held import declined",
    "import.done": "Import done",
    "import.failed": "Import refused (the whole file)",
    "import.held": "Import held for four eyes",
    "import.started": "Import started",
    "import_key.created": "Import key created",
    "import_key.revoked": "Import key revoked",
}
