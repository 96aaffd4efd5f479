"""What the settings record in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "partner.brand_cleared": "Partner brand removed",
    "partner.brand_set": "Partner brand set",
    "tenant.brand_updated": "Brand updated",
    "tenant.settings_updated": "Settings updated",
}
