"""The audit log's lines: the log, filtered, and its CSV export."""

from __future__ import annotations

from portside.manifest.lines import Feature, R, Route, W

audit_log = Feature("audit_log")

ROUTES: tuple[Route, ...] = (
    audit_log.admin("admin_audit", "GET", "/admin/audit", (R,), ("audit_log", "view")),
    # Its own route: an export is audited (a write), reading the log is not.
    audit_log.admin("admin_audit_export", "GET", "/admin/audit/export", (W,), ("audit_log", "export"), kind="download"),
)
