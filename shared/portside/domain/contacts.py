"""What admins do to a partner's contacts: change a role, disable or enable, end sessions.

(Inviting, and inviting again, live in ``domain.invites``.)

Every change checks the version the admin's form was read at (two admins cannot overwrite each
other silently) and writes its audit record in the same transaction. Ending sessions deletes
them on the server: the contact's next request finds no session and goes to the sign-in page.
"""

from __future__ import annotations

from portside.audit import Client, audit_event
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models import Contact, Tenant
from portside.errors import Conflict, NotFound

# A transaction holds at most 100 writes: the change, its audit record, and this many session deletes.
SESSIONS_PER_TRANSACTION = 90


def get_contact(tenant: Tenant, contact_id: str) -> Contact:
    contact = reads.contact(tenant.tenant_id, contact_id)
    if contact is None:
        raise NotFound(f"contact {contact_id}")
    return contact


def _versioned(contact: Contact, version: int) -> None:
    if contact.version != version:
        raise Conflict(f"contact {contact.contact_id} is at version {contact.version}, the form at {version}")


def _commit(changes: Changes, contact: Contact) -> None:
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise Conflict(f"contact {contact.contact_id} changed meanwhile: {failed}") from failed


def _end_sessions(changes: Changes, contact: Contact) -> int:
    """Delete every session of the contact: the first batch inside ``changes``, any others after it commits."""
    sessions = reads.sessions_of_contact(contact.tenant_id, contact.contact_id)
    for session in sessions[:SESSIONS_PER_TRANSACTION]:
        changes.delete(session, label=f"session:{session.SK}")
    return len(sessions)


def _end_remaining_sessions(contact: Contact) -> None:
    """Sessions beyond the first transaction's share (rare: one per browser signed in within 30 days)."""
    while remaining := reads.sessions_of_contact(contact.tenant_id, contact.contact_id):
        batch = Changes(audit=None)
        for session in remaining[:SESSIONS_PER_TRANSACTION]:
            batch.delete(session, label=f"session:{session.SK}")
        batch.commit()


def change_role(tenant: Tenant, contact_id: str, role: str, version: int, actor: str, client: Client) -> None:
    """A new role applies at once: the contact's sessions end, and the next sign-in carries the new role."""
    contact = get_contact(tenant, contact_id)
    _versioned(contact, version)
    if role == contact.role:
        return
    changes = Changes(
        audit_event(
            tenant.tenant_id, actor, "contact.role_changed", f"contact:{contact_id}", client, old=contact.role, new=role
        )
    )
    changes.update(
        contact,
        [Contact.role.set(role), Contact.version.set(version + 1)],
        label="contact",
        condition=Contact.version == version,
    )
    _end_sessions(changes, contact)
    _commit(changes, contact)
    _end_remaining_sessions(contact)


def set_enabled(tenant: Tenant, contact_id: str, enabled: bool, version: int, actor: str, client: Client) -> None:
    """Disable: every session ends and every unspent link dies, in one transaction. Enable: back as before."""
    contact = get_contact(tenant, contact_id)
    _versioned(contact, version)
    if enabled == (contact.status != "disabled"):
        return
    if enabled:
        status = "active" if contact.last_sign_in_at else "invited"
        actions = [*contact.activity_actions(status), Contact.version.set(version + 1)]
    else:
        actions = [
            *contact.activity_actions("disabled"),
            Contact.live_sign_in_hash.remove(),
            Contact.live_invite_hash.remove(),
            Contact.version.set(version + 1),
        ]
    action = "contact.enabled" if enabled else "contact.disabled"
    changes = Changes(audit_event(tenant.tenant_id, actor, action, f"contact:{contact_id}", client))
    changes.update(contact, actions, label="contact", condition=Contact.version == version)
    if not enabled:
        _end_sessions(changes, contact)
    _commit(changes, contact)
    if not enabled:
        _end_remaining_sessions(contact)


def end_sessions(tenant: Tenant, contact_id: str, actor: str, client: Client) -> int:
    """End every session of the contact; returns how many there were."""
    contact = get_contact(tenant, contact_id)
    changes = Changes(audit_event(tenant.tenant_id, actor, "contact.sessions_ended", f"contact:{contact_id}", client))
    count = _end_sessions(changes, contact)
    changes.commit()
    _end_remaining_sessions(contact)
    return count
