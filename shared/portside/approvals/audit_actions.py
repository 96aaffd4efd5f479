"""What the approvals record in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "pricing_request.approved": "Pricing or credit request approved (applied)",
    "pricing_request.ended": "Special price ended",
    "pricing_request.ending": "Special price ending (reminder)",
    "pricing_request.file_downloaded": "Credit request's supporting file downloaded",
    "pricing_request.first_approved": "Pricing or credit request approved first (a second is needed)",
    "pricing_request.rejected": "Pricing or credit request rejected",
    "pricing_request.submitted": "Pricing or credit request made",
    "pricing_request.withdrawn": "Pricing or credit request withdrawn",
}
