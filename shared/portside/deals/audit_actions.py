"""What the deals record in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "deal.approved": "Deal approved",
    "deal.protection_ending": "Deal protection ending (reminder)",
    "deal.protection_expired": "Deal protection ended",
    "deal.rejected": "Deal rejected",
    "deal.submitted": "Deal registered",
}
