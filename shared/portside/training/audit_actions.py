"""What training records in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "training.certificate_ending": "Certificate expiring (reminder)",
    "training.certificate_expired": "Certificate expired",
    "training.certificate_nudged": "Reminded to renew a certificate",
    "training.failed": "Quiz not passed",
    "training.module_created": "Training module created",
    "training.module_published": "Training module published",
    "training.module_retired": "Training module retired",
    "training.module_updated": "Training module updated",
    "training.passed": "Quiz passed (certificate issued)",
}
