"""Partner sessions: opened at sign-in, checked on every request, ended on the server.

The cookie holds ``<contact id>.<session secret>``: the contact id names the partition,
the secret's SHA-256 names the item. A fresh id is made at every sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from portside import clock
from portside.auth.principal import PartnerPrincipal
from portside.auth.secrets import digest, new_secret
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact, Session
from portside.data.models.tenants import Tenant

# How stale "last seen" may grow before a request refreshes it: tight where an idle timeout depends on it,
# daily otherwise (engagement counts days), so most pages write nothing.
IDLE_TOUCH_INTERVAL = timedelta(minutes=5)
SEEN_TOUCH_INTERVAL = timedelta(days=1)


@dataclass(frozen=True)
class NewSession:
    item: Session
    cookie_value: str
    max_age_seconds: int


def new_session(tenant: Tenant, contact: Contact) -> NewSession:
    """A session item to put in the sign-in transaction, and the cookie value that opens it."""
    secret = new_secret()
    now = clock.now()
    lifetime = timedelta(days=min(int(tenant.session_days or 30), 30))  # the design caps a session at 30 days
    item = Session.build(
        tenant.tenant_id,
        contact.contact_id,
        digest(secret),
        expires_at=now + lifetime,
        partner_id=contact.partner_id,
        role=contact.role,
        email=contact.email,
        name=contact.name,
        created_at=now,
        last_seen_at=now,
        csrf_token=new_secret(),
    )
    return NewSession(item, f"{contact.contact_id}.{secret}", int(lifetime.total_seconds()))


def _parse_cookie(value: str) -> tuple[str, str] | None:
    contact_id, _, secret = value.partition(".")
    if not contact_id or len(secret) < 40 or len(value) > 200:
        return None
    return contact_id, secret


def principal_from_cookie(tenant: Tenant, cookie_value: str | None) -> PartnerPrincipal | None:
    """The signed-in contact, or None for a missing, unknown, expired or idle session."""
    parsed = _parse_cookie(cookie_value or "")
    if parsed is None:
        return None
    contact_id, secret = parsed
    session_hash = digest(secret)
    item = reads.session(tenant.tenant_id, contact_id, session_hash)
    now = clock.now()
    if item is None or item.expires_at <= now:
        return None
    touch_interval = SEEN_TOUCH_INTERVAL
    if tenant.session_idle_minutes:
        if item.last_seen_at + timedelta(minutes=int(tenant.session_idle_minutes)) <= now:
            return None
        touch_interval = IDLE_TOUCH_INTERVAL
    if now - item.last_seen_at >= touch_interval and not _touch(item):
        return None
    return PartnerPrincipal(
        tenant_id=tenant.tenant_id,
        partner_id=item.partner_id,
        contact_id=item.contact_id,
        role=item.role,
        email=item.email,
        name=item.name,
        session_hash=session_hash,
        csrf_token=item.csrf_token,
    )


def _touch(item: Session) -> bool:
    """Record that the session and its contact were just seen; False if the session ended meanwhile."""
    now = clock.now()
    changes = Changes(audit=None)  # bookkeeping, not a change anyone made
    changes.update(item, [Session.last_seen_at.set(now)], label="session", condition=Session.PK.exists())
    changes.update_key(
        Contact,
        Contact.keys_for(item.tenant_id, item.contact_id),
        [
            Contact.last_seen_at.set(now),
            Contact.GSI2SK.set(Contact.activity_sort_key("active", now, item.contact_id)),
        ],
        label="contact",
        condition=Contact.status == "active",
    )
    try:
        changes.commit()
    except ConditionFailed:
        return False  # signed out, or disabled, at this very moment
    return True


def end_session(changes: Changes, principal: PartnerPrincipal) -> None:
    keys = Session.keys_for(principal.tenant_id, principal.contact_id, principal.session_hash)
    changes.delete(Session(*keys), label="session")
