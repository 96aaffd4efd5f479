"""Admin console sessions: their own cookie, 8 hours at most, ended after 30 idle minutes.

The cookie is ``SameSite=Strict``: no other site can even start a navigation that carries it.
It holds only the session secret; the item, keyed by the secret's SHA-256, holds the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from portside import clock
from portside.auth.principal import AdminPrincipal
from portside.auth.secrets import digest, new_secret
from portside.config import settings
from portside.data import admin_reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.admins import AdminMember, AdminSession
from portside.data.models.tenants import Tenant

TOUCH_INTERVAL = timedelta(minutes=5)


@dataclass(frozen=True)
class NewAdminSession:
    item: AdminSession
    cookie_value: str
    max_age_seconds: int


def new_admin_session(tenant: Tenant, email: str, subject: str, roles: list[str]) -> NewAdminSession:
    secret = new_secret()
    now = clock.now()
    lifetime = timedelta(hours=settings().admin_session_hours)
    item = AdminSession.build(
        tenant.tenant_id,
        digest(secret),
        expires_at=now + lifetime,
        email=email,
        subject=subject,
        roles=roles,
        created_at=now,
        last_seen_at=now,
        csrf_token=new_secret(),
    )
    return NewAdminSession(item, secret, int(lifetime.total_seconds()))


def note_sign_in(changes: Changes, member: AdminMember, roles: list[str] | None = None) -> None:
    """The membership's record of a sign-in, only while it is active and its roles are as the session took them.

    A password sign-in takes the membership's roles (``roles`` None); a single sign-on brings the
    roles the tenant's group mappings give, and they become the membership's.
    """
    now = clock.now()
    actions = [AdminMember.last_sign_in_at.set(now), AdminMember.last_seen_at.set(now)]
    condition = AdminMember.status == "active"
    if roles is None:
        condition &= AdminMember.roles == list(member.roles or [])
    else:
        actions.append(AdminMember.roles.set(roles))
    changes.update(member, actions, label="member", condition=condition)


def admin_from_cookie(tenant: Tenant, cookie_value: str | None) -> AdminPrincipal | None:
    """The signed-in admin, or None for a missing, unknown, expired or idle session."""
    if not cookie_value or not 40 <= len(cookie_value) <= 100:
        return None
    session_hash = digest(cookie_value)
    item = admin_reads.admin_session(tenant.tenant_id, session_hash)
    now = clock.now()
    if item is None or item.expires_at <= now:
        return None
    if item.last_seen_at + timedelta(minutes=settings().admin_idle_minutes) <= now:
        return None
    if now - item.last_seen_at >= TOUCH_INTERVAL and not _touch(item):
        return None
    return AdminPrincipal(
        tenant_id=tenant.tenant_id,
        email=item.email,
        roles=tuple(item.roles),
        session_hash=session_hash,
        csrf_token=item.csrf_token,
    )


def _touch(item: AdminSession) -> bool:
    """Keep the idle clock and the admin's "last seen" current; False if the session ended meanwhile."""
    now = clock.now()
    changes = Changes(audit=None)  # bookkeeping, not a change anyone made
    changes.update(item, [AdminSession.last_seen_at.set(now)], label="session", condition=AdminSession.PK.exists())
    changes.update_key(
        AdminMember,
        AdminMember.keys_for(item.tenant_id, item.email),
        [AdminMember.last_seen_at.set(now)],
        label="member",
        condition=AdminMember.status == "active",
    )
    try:
        changes.commit()
    except ConditionFailed:
        return False
    return True


def end_admin_session(changes: Changes, principal: AdminPrincipal) -> None:
    keys = AdminSession.keys_for(principal.tenant_id, principal.session_hash)
    changes.delete(AdminSession(*keys), label="session")
