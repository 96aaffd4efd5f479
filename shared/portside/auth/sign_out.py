"""Signing out deletes the session on the server, not only the cookie: for contacts and admins alike."""

from __future__ import annotations

from portside.audit import Client, audit_event
from portside.auth.admin_sessions import end_admin_session
from portside.auth.principal import AdminPrincipal, PartnerPrincipal
from portside.auth.sessions import end_session
from portside.data.changes import Changes


def sign_out(principal: PartnerPrincipal | AdminPrincipal, client: Client) -> None:
    action = "admin.signed_out" if isinstance(principal, AdminPrincipal) else "sign_in.signed_out"
    changes = Changes(audit_event(principal.tenant_id, principal.actor, action, principal.actor, client))
    if isinstance(principal, AdminPrincipal):
        end_admin_session(changes, principal)
    else:
        end_session(changes, principal)
    changes.commit()
