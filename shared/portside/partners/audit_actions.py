"""What partners and contacts record in the audit log, by name (gathered with every feature's in
``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "contact.disabled": "Contact disabled",
    "contact.enabled": "Contact enabled",
    "contact.invite_resent": "Invite sent again",
    "contact.invited": "Contact invited",
    "contact.role_changed": "Contact's role changed",
    "contact.sessions_ended": "Contact's sessions ended",
    "partner.created": "Partner created",
    "partner.updated": "Partner updated",
}
