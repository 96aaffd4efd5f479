"""What admins do to a partner's contacts: change a role, disable or enable, end sessions.

(Inviting, and inviting again, live in ``partners.invites``.)

Every change checks the version the admin's form was read at (two admins cannot overwrite each
other silently) and writes its audit record in the same transaction. Ending sessions deletes
them on the server: the contact's next request finds no session and goes to the sign-in page.

Sessions are read before the transaction that ends them, so a sign-in landing in between would
survive it. Each such transaction therefore holds only while the contact's last sign-in is the
one read; when one slipped in, the change reads the sessions again and retries. (A sign-in, for
its part, holds only while the contact is at the version it read.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pynamodb.expressions.condition import Condition

from portside.audit import Client, audit_event
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact
from portside.data.models.tenants import Tenant
from portside.errors import Conflict, NotFound

# A transaction holds at most 100 writes: the change, its audit record, and this many session deletes.
SESSIONS_PER_TRANSACTION = 90
TRIES = 3  # reads of the sessions, when sign-ins keep landing meanwhile


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


def _no_sign_in_since(contact: Contact) -> Condition:
    """The contact's last sign-in is still the one read with its sessions."""
    if contact.last_sign_in_at is None:
        return Contact.last_sign_in_at.does_not_exist()
    return Contact.last_sign_in_at == contact.last_sign_in_at


def _ending_sessions(
    tenant: Tenant, contact_id: str, version: int | None, change: Callable[[Contact], Changes | None]
) -> int:
    """Commit ``change`` (or nothing, when it returns None) together with the end of every session read.

    A failed condition reads everything again: another admin's change then fails the version check
    with a Conflict, and a sign-in that slipped in is ended along with the rest.
    """
    for _ in range(TRIES):
        contact = get_contact(tenant, contact_id)
        if version is not None:
            _versioned(contact, version)
        changes = change(contact)
        if changes is None:
            return 0
        count = _end_sessions(changes, contact)
        try:
            changes.commit()
        except ConditionFailed:
            continue
        _end_remaining_sessions(contact)
        return count
    raise Conflict(f"contact {contact_id} kept changing")


def change_role(tenant: Tenant, contact_id: str, role: str, version: int, actor: str, client: Client) -> None:
    """A new role applies at once: the contact's sessions end, and the next sign-in carries the new role."""

    def new_role(contact: Contact) -> Changes | None:
        if role == contact.role:
            return None
        changes = Changes(
            audit_event(
                tenant.tenant_id,
                actor,
                "contact.role_changed",
                f"contact:{contact_id}",
                client,
                old=contact.role,
                new=role,
            )
        )
        return changes.update(
            contact,
            [Contact.role.set(role), Contact.version.set(version + 1)],
            label="contact",
            condition=(Contact.version == version) & _no_sign_in_since(contact),
        )

    _ending_sessions(tenant, contact_id, version, new_role)


def set_enabled(tenant: Tenant, contact_id: str, enabled: bool, version: int, actor: str, client: Client) -> None:
    """Disable: every session ends and every unspent link dies, in one transaction. Enable: back as before."""
    if enabled:
        contact = get_contact(tenant, contact_id)
        _versioned(contact, version)
        if contact.status != "disabled":
            return
        status = "active" if contact.last_sign_in_at else "invited"
        changes = Changes(audit_event(tenant.tenant_id, actor, "contact.enabled", f"contact:{contact_id}", client))
        changes.update(
            contact,
            [*contact.activity_actions(status), Contact.version.set(version + 1)],
            label="contact",
            condition=Contact.version == version,
        )
        _commit(changes, contact)
        return

    def disable(contact: Contact) -> Changes | None:
        if contact.status == "disabled":
            return None
        changes = Changes(audit_event(tenant.tenant_id, actor, "contact.disabled", f"contact:{contact_id}", client))
        return changes.update(
            contact,
            [
                *contact.activity_actions("disabled"),
                Contact.live_sign_in_hash.remove(),
                Contact.live_invite_hash.remove(),
                Contact.version.set(version + 1),
            ],
            label="contact",
            condition=(Contact.version == version) & _no_sign_in_since(contact),
        )

    _ending_sessions(tenant, contact_id, version, disable)


def end_sessions(tenant: Tenant, contact_id: str, actor: str, client: Client) -> int:
    """End every session of the contact; returns how many there were."""

    def audited(contact: Contact) -> Changes:
        changes = Changes(
            audit_event(tenant.tenant_id, actor, "contact.sessions_ended", f"contact:{contact_id}", client)
        )
        return changes.check(
            Contact, Contact.keys_for(tenant.tenant_id, contact_id), _no_sign_in_since(contact), label="contact"
        )

    return _ending_sessions(tenant, contact_id, None, audited)


@dataclass(frozen=True)
class ContactImpact:
    """What the confirmation of a disable or an end of sessions tells the admin."""

    who: str  # "Jane Doe <jane@acme.example>, principal at Acme Resellers"
    sessions: int  # open now


def contact_impact(tenant: Tenant, contact: Contact) -> ContactImpact:
    partner = reads.partner(tenant.tenant_id, contact.partner_id)
    where = partner.name if partner else contact.partner_id
    sessions = len(reads.sessions_of_contact(tenant.tenant_id, contact.contact_id))
    return ContactImpact(f"{contact.name} <{contact.email}>, {contact.role} at {where}", sessions)
