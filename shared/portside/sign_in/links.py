"""Sign-in and invite links: issued here for every feature that mails one.

A link's secret is 256 random bits; only its SHA-256 is stored, in the token item's key. A
contact has one live link per purpose: issuing a new one makes the contact point at it, which
voids the older one. Sign-in links live 10 minutes (a tenant may set up to 30) and carry a
six-digit code for another device; invites live 7 days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from pynamodb.attributes import UnicodeAttribute

from portside import clock
from portside.auth.secrets import code_digest, digest, new_code, new_secret
from portside.data.changes import Changes
from portside.data.models.contacts import Contact, SignInToken
from portside.data.models.tenants import Tenant
from portside.mail.outbox import outbox_mail
from portside.web.tenants import mail_brand

SIGN_IN, INVITE = "sign_in", "invite"
INVITE_LIFETIME = timedelta(days=7)
LINK_MINUTES_DEFAULT, LINK_MINUTES_CEILING = 10, 30
LINK_PATH = "/partners/auth/magic"


@dataclass(frozen=True)
class IssuedLink:
    token: SignInToken
    url: str
    code: str | None


def link_lifetime(tenant: Tenant) -> timedelta:
    minutes = int(tenant.sign_in_link_minutes or LINK_MINUTES_DEFAULT)
    return timedelta(minutes=max(1, min(minutes, LINK_MINUTES_CEILING)))


def live_hash_attribute(purpose: str) -> UnicodeAttribute:
    """The contact's attribute naming its live link of ``purpose``."""
    return Contact.live_invite_hash if purpose == INVITE else Contact.live_sign_in_hash


def issue_link(tenant: Tenant, contact: Contact, purpose: str, next_path: str | None = None) -> IssuedLink:
    """A new token item for ``contact``; the caller puts it in its transaction."""
    secret = new_secret()
    token_hash = digest(secret)
    now = clock.now()
    lifetime = INVITE_LIFETIME if purpose == INVITE else link_lifetime(tenant)
    code = new_code() if purpose == SIGN_IN else None
    token = SignInToken.build(
        tenant.tenant_id,
        token_hash,
        expires_at=now + lifetime,
        purpose=purpose,
        contact_id=contact.contact_id,
        partner_id=contact.partner_id,
        email=contact.email,
        created_at=now,
        code_hash=code_digest(token_hash, code) if code else None,
        next_path=next_path,
    )
    url = f"{tenant.base_url.rstrip('/')}{LINK_PATH}?token={secret}"
    return IssuedLink(token, url, code)


def add_link(
    changes: Changes, tenant: Tenant, contact: Contact, purpose: str, next_path: str | None = None
) -> IssuedLink:
    """Add a new link's token to ``changes``; the caller makes it the live one in its own update of the contact
    (``live_hash_attribute(purpose).set(issued.token.token_hash)``), with whatever condition it needs."""
    issued = issue_link(tenant, contact, purpose, next_path)
    changes.put(issued.token, label="token", condition=SignInToken.PK.does_not_exist())
    return issued


def add_sign_in_link(changes: Changes, tenant: Tenant, contact: Contact, next_path: str | None = None) -> None:
    """Add to ``changes`` a sign-in link that replaces the contact's live one, and its mail."""
    issued = add_link(changes, tenant, contact, SIGN_IN, next_path)
    changes.update(
        contact,
        [Contact.live_sign_in_hash.set(issued.token.token_hash)],
        label="contact",
        condition=Contact.status != "disabled",
    )
    changes.put(
        outbox_mail(
            tenant.tenant_id,
            contact.email,
            "sign_in",
            about=f"contact:{contact.contact_id}",
            secrets={"link": issued.url, "code": issued.code or ""},
            name=contact.name,
            minutes=int(link_lifetime(tenant).total_seconds() // 60),
            brand=mail_brand(tenant, contact.partner_id),
        ),
        label="mail",
    )
