"""What the console's admins record in the audit log, by name (gathered with every feature's in
``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "admin.added": "Admin added",
    "admin.disabled": "Admin disabled",
    "admin.enabled": "Admin enabled",
    "admin.removed": "Admin removed",
    "admin.role_changed": "Admin's role changed",
    "sso.group_mapped": "Identity provider group mapped to a role",
    "sso.group_unmapped": "Identity provider group mapping removed",
    "sso.mode_changed": "Admin sign-in methods changed",
}
