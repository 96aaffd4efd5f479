"""What partner sign-in records in the audit log, by name (gathered with every feature's in ``audit_log.names``)."""

ACTIONS: dict[str, str] = {
    "invite.accepted": "Invite accepted",
    "security.sign_in_unknown_address": "Sign-in link asked for an unknown address",
    "security.wrong_code": "Wrong sign-in code",
    "sign_in.link_requested": "Sign-in link asked for",
    "sign_in.succeeded": "Signed in",
}
