"""Admin single sign-on through the company's identity provider (OAuth 2.0 code flow with PKCE).

1. ``begin``: a fresh ``state`` (the browser keeps it in a ``__Host-`` cookie and carries it
   through the provider), a nonce and a PKCE verifier, recorded in one item keyed by the
   state's SHA-256; the browser goes to the provider.
2. ``finish``: the provider sends the browser back with a code. The state in the address must be
   the cookie's, and its item unspent and unexpired: it is spent (deleted, conditionally) before
   anything else, so a callback address used twice, or one started in another browser, is
   refused. The code is exchanged with the verifier; the ID token must carry the item's nonce
   (``auth.admin_tokens.verify_sso_id_token`` checks it and the rest).
3. Who enters, as what: the token's groups through the tenant's mappings
   (``group_roles.roles_for_groups``), read at each sign-in, so a removed group or mapping holds
   from the next one. No mapped group: refused, plainly, and audited. A disabled membership:
   refused. A first sign-in adds a federated membership. The admin session lasts 8 hours at
   most, as every admin session does. MFA is the identity provider's.

Every refusal is audited and counted per client IP; past the limit the IP is refused before the
provider is even asked.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import timedelta

from portside import clock
from portside.admin_sign_in.models import SsoAttempt
from portside.admin_sign_in.password_and_code import record_failure, safe_admin_next
from portside.admins.group_roles import list_group_roles, roles_for_groups
from portside.audit import Client, audit_event
from portside.auth import rate_limits, sso_provider
from portside.auth.admin_sessions import new_admin_session, note_sign_in
from portside.auth.rate_limits import Limit
from portside.auth.secrets import digest, new_secret
from portside.auth.sso_provider import SsoProvider
from portside.config import settings
from portside.data import admin_reads, reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.admins import AdminMember, AdminSession
from portside.data.models.tenants import Tenant
from portside.errors import NotFound, PortsideError
from portside.observability import logger

ATTEMPT_LIFETIME = timedelta(minutes=10)
ATTEMPT_SECONDS = int(ATTEMPT_LIFETIME.total_seconds())  # the browser's cookie lives as long
CALLBACK_PATH = "/admin/login/sso/callback"
FAILURES_PER_IP = 50
TOO_MANY = "Too many failed sign-ins from this network. Wait 15 minutes, then try again."


class SsoRefused(PortsideError):
    status = 403
    public_message = "That sign-in was not accepted. Start again from the sign-in page."


class NoMappedGroup(SsoRefused):
    public_message = (
        "You signed in at the company's identity provider, but none of your groups there opens this console."
        " Ask an owner of the console to map your group to a role, then sign in again."
    )


class SsoCancelled(SsoRefused):
    public_message = "The identity provider did not sign you in (it was cancelled or refused there). Start again."


class ProviderDown(PortsideError):
    status = 503
    public_message = "The identity provider did not answer. Try again in a minute."


@dataclass(frozen=True)
class SsoStart:
    redirect_url: str
    state: str  # for the browser's cookie


@dataclass(frozen=True)
class SsoSignedIn:
    cookie_value: str
    max_age_seconds: int
    next_path: str


def require_provider() -> SsoProvider:
    provider = sso_provider.configured()
    if provider is None:
        raise NotFound("single sign-on is not configured")
    return provider


def _redirect_uri(tenant: Tenant) -> str:
    return tenant.base_url.rstrip("/") + CALLBACK_PATH


def begin(tenant: Tenant, next_path: str | None) -> SsoStart:
    provider = require_provider()
    state, nonce, verifier = new_secret(), new_secret(), new_secret()
    attempt = SsoAttempt.build(
        tenant.tenant_id,
        digest(state),
        expires_at=clock.now() + ATTEMPT_LIFETIME,
        nonce=nonce,
        verifier=verifier,
        next_path=safe_admin_next(next_path),
    )
    Changes(audit=None).put(attempt, label="attempt", condition=SsoAttempt.PK.does_not_exist()).commit()
    return SsoStart(sso_provider.authorization_url(provider, _redirect_uri(tenant), state, nonce, verifier), state)


def _ip_limit(client: Client) -> Limit:
    return Limit("admin-sso-fail-ip", client.ip or "-", FAILURES_PER_IP, settings().admin_failure_window_seconds)


def _refuse_if_limited(tenant: Tenant, client: Client) -> None:
    rate_limits.refuse_if_full(tenant.tenant_id, (_ip_limit(client),), TOO_MANY)


def _failed(
    tenant: Tenant, who: str, client: Client, reason: str, refusal: type[SsoRefused] = SsoRefused
) -> SsoRefused:
    """Audit and count a refused single sign-on; the caller raises what this returns."""
    record_failure(tenant, who, client, reason, (_ip_limit(client),), TOO_MANY, via="sso")
    return refusal(reason)


def _spend_attempt(tenant: Tenant, state: str, cookie_state: str, client: Client) -> SsoAttempt:
    """The attempt this browser started, deleted so that nothing can finish it twice."""
    if not state or not cookie_state or not hmac.compare_digest(state.encode(), cookie_state.encode()):
        raise _failed(tenant, "sso", client, "state_not_this_browsers")
    keys = SsoAttempt.keys_for(tenant.tenant_id, digest(state))
    attempt = reads.get_or_none(SsoAttempt, keys, consistent=True)
    if attempt is None or attempt.expires_at <= clock.now():
        raise _failed(tenant, "sso", client, "attempt_unknown_or_expired")
    try:
        Changes(audit=None).delete(attempt, label="attempt", condition=SsoAttempt.PK.exists()).commit()
    except ConditionFailed as failed:
        raise _failed(tenant, "sso", client, "attempt_spent_meanwhile") from failed
    return attempt


def finish(
    tenant: Tenant, *, state: str, cookie_state: str, code: str, provider_error: str, client: Client
) -> SsoSignedIn:
    """Check everything the provider's answer brings; open an admin session for a mapped group's member."""
    from portside.auth.admin_tokens import TokenRejected, verify_sso_id_token  # PyJWT: this step only

    provider = require_provider()
    _refuse_if_limited(tenant, client)
    attempt = _spend_attempt(tenant, state, cookie_state, client)
    if provider_error or not code:
        raise _failed(tenant, "sso", client, f"provider_said:{provider_error[:40] or 'no code'}", SsoCancelled)
    try:
        id_token = sso_provider.exchange_code(provider, code, _redirect_uri(tenant), attempt.verifier)
    except sso_provider.ProviderUnreachable as down:
        logger.error("identity provider unreachable", extra={"reason": str(down)})
        raise ProviderDown(str(down)) from down
    except sso_provider.ExchangeRefused as refused:
        logger.info("code exchange refused", extra={"reason": str(refused)})
        raise _failed(tenant, "sso", client, "code_refused") from refused
    try:
        claims = verify_sso_id_token(id_token, provider, attempt.nonce)
    except TokenRejected as rejected:
        logger.error("single sign-on ID token rejected", extra={"reason": str(rejected)})
        raise _failed(tenant, "sso", client, "token_rejected") from rejected
    email = str(claims["email"]).lower()[:254]
    who = f"admin:{email}"
    groups = sso_provider.groups_of(claims, provider.groups_claim)
    roles = roles_for_groups(list_group_roles(tenant), groups)
    if not roles:
        raise _failed(tenant, who, client, "no_mapped_group", NoMappedGroup)
    member = admin_reads.admin_member(tenant.tenant_id, email)
    if member is not None and member.status != "active":
        raise _failed(tenant, who, client, "admin_disabled")
    session = new_admin_session(tenant, email, str(claims["sub"]), roles)
    now = clock.now()
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            who,
            "admin.signed_in",
            who,
            client,
            roles=roles,
            via="sso",
            groups=groups[:20],
            first_time=member is None,
        )
    )
    changes.put(session.item, label="session", condition=AdminSession.PK.does_not_exist())
    if member is None:
        joining = AdminMember.build(
            tenant.tenant_id,
            email,
            roles=roles,
            sign_in="federated",
            created_at=now,
            last_sign_in_at=now,
            last_seen_at=now,
        )
        changes.put(joining, label="member", condition=AdminMember.PK.does_not_exist())
    else:
        note_sign_in(changes, member, roles)
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise _failed(tenant, who, client, "member_changed_meanwhile") from failed
    return SsoSignedIn(session.cookie_value, session.max_age_seconds, attempt.next_path or "/admin")
