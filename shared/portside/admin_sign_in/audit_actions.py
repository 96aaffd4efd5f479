"""What admin sign-in records in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "admin.sign_in_failed": "Admin sign-in failed",
    "admin.signed_in": "Admin signed in",
}
