"""Signing out deletes the session on the server, not only the cookie."""

from __future__ import annotations

from portside.audit import Client, audit_event
from portside.auth.principal import PartnerPrincipal
from portside.auth.sessions import end_session
from portside.data.changes import Changes


def sign_out(principal: PartnerPrincipal, client: Client) -> None:
    changes = Changes(audit_event(principal.tenant_id, principal.actor, "sign_in.signed_out", principal.actor, client))
    end_session(changes, principal)
    changes.commit()
