"""Partner sign-in: magic links, one-time codes, and the sessions they open.

The rules, from the design's Identity section:

- a link's secret is 256 random bits; only its SHA-256 is stored, in the item's key;
- sign-in links live 10 minutes (a tenant may set up to 30), invites 7 days; expiry is
  checked on read, TTL only tidies up;
- a contact has one live link per purpose: a newer one replaces (voids) the older;
- opening a link (GET) changes nothing; pressing the button (POST) spends it in one
  transaction whose conditions let exactly one of any number of concurrent presses win;
- the mail also carries a six-digit code for signing in on another device; the code dies
  with its link, and wrong codes are counted per address so that, after a few, codes stop
  working for a while whether or not the address is known;
- requests are limited per address and per client IP, and the answer is the same whether
  or not the address belongs to a contact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from portside import clock
from portside.audit import Client, audit_event
from portside.auth import rate_limits
from portside.auth.rate_limits import Limit
from portside.auth.secrets import code_digest, digest, same
from portside.auth.sessions import NewSession, new_session
from portside.config import settings
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact, ContactEmail, Session, SignInToken
from portside.data.models.tenants import Tenant
from portside.errors import PortsideError
from portside.sign_in.links import INVITE, SIGN_IN, live_hash_attribute

DEFAULT_LANDING = "/partners/dashboard"


class LinkState(StrEnum):
    VALID = "valid"
    USED = "used"
    EXPIRED = "expired"  # also: replaced by a newer link, or the contact was disabled


class LinkUnusable(PortsideError):
    status = 410
    public_message = "This sign-in link can no longer be used."
    security_event = "dead_link"

    def __init__(self, state: LinkState) -> None:
        super().__init__(state.value)
        self.state = state


class CodeRejected(PortsideError):
    status = 400
    public_message = "That code did not work. Check the newest mail from us and try again."

    def __init__(self, locked: bool) -> None:
        super().__init__("locked" if locked else "wrong")
        self.locked = locked
        if locked:
            self.status = 429
            self.public_message = (
                "Too many wrong codes: codes for this address stop working for 15 minutes. "
                "Use the link in the mail, or ask for a new one later."
            )


@dataclass(frozen=True)
class LinkCheck:
    state: LinkState
    masked_email: str = ""
    purpose: str = SIGN_IN


@dataclass(frozen=True)
class SignedIn:
    cookie_value: str
    max_age_seconds: int
    next_path: str


def safe_next_path(path: str | None) -> str | None:
    """Only a path inside the partner portal may be a destination after sign-in (no open redirect)."""
    if not path or len(path) > 500 or not path.startswith("/partners/"):
        return None
    if "//" in path or "\\" in path or any(ord(ch) < 0x20 for ch in path):
        return None
    if path.startswith(("/partners/login", "/partners/auth/", "/partners/logout")):
        return None
    return path


def mask_email(email: str) -> str:
    """``principal@acme.example`` -> ``p…@acme.example``: enough to recognise, not to harvest."""
    local, _, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


def _state(token: SignInToken | None, contact: Contact | None) -> LinkState:
    if token is None:
        return LinkState.EXPIRED
    if token.spent_at is not None:
        return LinkState.USED
    if token.expires_at <= clock.now():
        return LinkState.EXPIRED
    if contact is None or contact.status == "disabled":
        return LinkState.EXPIRED
    if getattr(contact, live_hash_attribute(token.purpose).attr_name) != token.token_hash:
        return LinkState.EXPIRED  # replaced by a newer link
    return LinkState.VALID


def _find_link(tenant: Tenant, secret: str) -> tuple[SignInToken | None, Contact | None]:
    if not 20 <= len(secret) <= 100:
        return None, None
    token = reads.sign_in_token(tenant.tenant_id, digest(secret))
    contact = reads.contact(tenant.tenant_id, token.contact_id) if token else None
    return token, contact


def inspect_link(tenant: Tenant, secret: str) -> LinkCheck:
    """What the confirm page shows. Reads only: link scanners may open it as often as they like."""
    token, contact = _find_link(tenant, secret)
    state = _state(token, contact)
    if token is None:
        return LinkCheck(state)
    return LinkCheck(state, mask_email(token.email), token.purpose)


def address_of_link(tenant: Tenant, secret: str) -> str | None:
    """The address a link was sent to, used, expired or live: a fresh link goes there without the page ever
    showing more of it than the mask. None when no link has this secret."""
    token, _ = _find_link(tenant, secret)
    return token.email if token is not None else None


def spend_link(tenant: Tenant, secret: str, client: Client) -> SignedIn:
    token, contact = _find_link(tenant, secret)
    state = _state(token, contact)
    if state is not LinkState.VALID or token is None or contact is None:
        raise LinkUnusable(state)
    return _open_session(tenant, token, contact, client, via="link")


def _code_matches(token: SignInToken | None, contact: Contact | None, code: str) -> bool:
    """The code of a live link, typed right (the per-address window of wrong codes is checked on commit)."""
    if token is None or contact is None or token.code_hash is None or _state(token, contact) is not LinkState.VALID:
        return False
    return same(code_digest(token.token_hash, code.strip()), token.code_hash)


NO_SUCH_ITEM = "-"  # an id no contact and no token has: read where a known address would read


def _code_state(tenant: Tenant, email: str) -> tuple[Contact | None, SignInToken | None]:
    """The contact and its live link for ``email``, in three reads whether or not the address is known.

    An unknown address reads keys that do not exist where a known one reads its contact and
    token: the two take the same time, so a wrong code's answer tells nothing about the address.
    """
    claim = reads.get_or_none(ContactEmail, ContactEmail.keys_for(tenant.tenant_id, email), consistent=True)
    contact = reads.contact(tenant.tenant_id, claim.contact_id if claim else NO_SUCH_ITEM)
    token = reads.sign_in_token(tenant.tenant_id, (contact.live_sign_in_hash if contact else None) or NO_SUCH_ITEM)
    return contact, token


def spend_code(tenant: Tenant, email: str, code: str, client: Client) -> SignedIn:
    config = settings()
    window = config.sign_in_window_seconds
    wrong_codes = Limit("code-address", email, config.sign_in_code_attempts, window)
    contact, token = _code_state(tenant, email)
    if token is not None and contact is not None and _code_matches(token, contact, code):
        try:
            return _open_session(
                tenant,
                token,
                contact,
                client,
                via="code",
                extra=lambda changes: rate_limits.require_room(changes, tenant.tenant_id, wrong_codes),
            )
        except LinkUnusable as unusable:
            raise CodeRejected(locked=False) from unusable

    # The same three writes for a known address and an unknown one: a security record and two counters.
    changes = Changes(
        audit_event(tenant.tenant_id, "anonymous", "security.wrong_code", f"address:{mask_email(email)}", client)
    )
    rate_limits.count(changes, tenant.tenant_id, wrong_codes)
    rate_limits.count(
        changes, tenant.tenant_id, Limit("code-ip", client.ip or "-", config.sign_in_limit_per_ip, window)
    )
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise CodeRejected(locked=bool(rate_limits.limited_scopes(failed))) from failed
    raise CodeRejected(locked=False)


def _open_session(
    tenant: Tenant,
    token: SignInToken,
    contact: Contact,
    client: Client,
    via: str,
    extra: Callable[[Changes], None] | None = None,
) -> SignedIn:
    """Spend the token and open a session, in one transaction: one winner among concurrent attempts.

    The session carries the contact's role, so the transaction holds only while the contact is at
    the version read: a role change landing in between makes it read the contact again (and the
    session carries the new role), never open a session with the old one.
    """
    for attempt in (1, 2):
        try:
            session = _spend(tenant, token, contact, client, via, extra)
            return SignedIn(session.cookie_value, session.max_age_seconds, token.next_path or DEFAULT_LANDING)
        except ConditionFailed as failed:
            if rate_limits.limited_scopes(failed):
                raise CodeRejected(locked=True) from failed
            if "token" in failed.labels:
                fresh = reads.sign_in_token(tenant.tenant_id, token.token_hash)
                raise LinkUnusable(LinkState.USED if fresh and fresh.spent_at else LinkState.EXPIRED) from failed
            changed = reads.contact(tenant.tenant_id, contact.contact_id)
            if attempt == 2 or changed is None or _state(token, changed) is not LinkState.VALID:
                raise LinkUnusable(LinkState.EXPIRED) from failed
            contact = changed
    raise LinkUnusable(LinkState.EXPIRED)


def _spend(
    tenant: Tenant,
    token: SignInToken,
    contact: Contact,
    client: Client,
    via: str,
    extra: Callable[[Changes], None] | None,
) -> NewSession:
    now = clock.now()
    session = new_session(tenant, contact)
    live_hash = live_hash_attribute(token.purpose)
    action = "invite.accepted" if token.purpose == INVITE else "sign_in.succeeded"
    changes = Changes(
        audit_event(
            tenant.tenant_id, f"contact:{contact.contact_id}", action, f"contact:{contact.contact_id}", client, via=via
        )
    )
    changes.update(
        token,
        [SignInToken.spent_at.set(now)],
        label="token",
        condition=SignInToken.spent_at.does_not_exist() & (SignInToken.expires_at > now),
    )
    changes.update(
        contact,
        [Contact.last_sign_in_at.set(now), *contact.activity_actions("active", now), live_hash.remove()],
        label="contact",
        condition=(Contact.status != "disabled")
        & (live_hash == token.token_hash)
        & (Contact.version == int(contact.version)),
    )
    changes.put(session.item, label="session", condition=Session.PK.does_not_exist())
    if extra is not None:
        extra(changes)
    changes.commit()
    return session
