"""Admin sign-in: Cognito checks the password and the TOTP code; the portal checks the token and the tenant.

Each step is one form post:

1. email and password: ``InitiateAuth`` (USER_PASSWORD_AUTH). Cognito answers with a challenge:
   ``SOFTWARE_TOKEN_MFA`` (type the authenticator's code), or at a first sign-in
   ``NEW_PASSWORD_REQUIRED`` (replace the temporary password) and then ``MFA_SETUP`` (add the key
   that ``AssociateSoftwareToken`` returns to an authenticator and type its code, which
   ``VerifySoftwareToken`` checks).
2. each answer: ``RespondToAuthChallenge``, until Cognito hands out tokens.
3. the ID token is verified (``auth.admin_tokens``); its email must be an active admin member of
   the host's tenant; the session takes that membership's roles. The token's Cognito groups are
   never read: one pool serves every tenant, so a pool-wide group cannot say anything of one
   tenant (docs/admin-roles.md).

Every failure (wrong password or code, unknown address, not a member of this tenant) answers the
same sentence, is audited, and is counted per address and per client IP; after a few in 15
minutes the address is refused until the window passes, before Cognito is even asked.

Tokens that arrive without a second factor are refused: the pool requires TOTP, and the portal
does not take that on trust. Nor does it trust the identity service to bind a challenge to its
user or to refuse a replayed code: the portal records whose challenge each Cognito session is
(the address that passed the password step), answers it only for that address, opens a session
only for tokens that name it, and refuses an authenticator code that address has just used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from botocore.exceptions import ClientError, ParamValidationError

from portside import clock
from portside.admin_sign_in.models import AdminChallenge, UsedTotpCode
from portside.audit import Client, audit_event
from portside.auth import rate_limits
from portside.auth.admin_sessions import new_admin_session, note_sign_in
from portside.auth.matrix import ADMIN_ROLES
from portside.auth.rate_limits import Limit
from portside.auth.secrets import digest
from portside.auth.sso_provider import provider_name
from portside.aws import client as aws_client
from portside.config import settings
from portside.data import admin_reads, reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.admins import AdminSession
from portside.data.models.tenants import Tenant
from portside.errors import InvalidInput, PortsideError
from portside.observability import logger

TOTP_CODE, NEW_PASSWORD, MFA_SETUP = "SOFTWARE_TOKEN_MFA", "NEW_PASSWORD_REQUIRED", "MFA_SETUP"
CHALLENGES = (TOTP_CODE, NEW_PASSWORD, MFA_SETUP)
SECOND_FACTORS = frozenset({TOTP_CODE, MFA_SETUP})
# Cognito's answers to a wrong password, code or session: all become the one generic refusal.
_REFUSALS = frozenset(
    {
        "NotAuthorizedException",
        "UserNotFoundException",
        "CodeMismatchException",
        "EnableSoftwareTokenMFAException",
        "ExpiredCodeException",
        "PasswordResetRequiredException",
        "UserNotConfirmedException",
        "ResourceNotFoundException",
    }
)
TOO_MANY = "Too many failed sign-ins for this address. Wait 15 minutes, then try again."
CHALLENGE_LIFETIME = timedelta(minutes=5)  # Cognito's challenge sessions last 3 minutes
CODE_REUSE_WINDOW = timedelta(seconds=150)  # a TOTP code is valid for its 30 s step and a step each side


class PasswordSignInOff(PortsideError):
    status = 403
    public_message = "Admins of this console sign in through the company's identity provider only."


def password_sign_in_off(tenant: Tenant) -> bool:
    """The owner chose single sign-on only, and it is configured (else nobody could sign in at all)."""
    return bool(tenant.admin_sso_only) and bool(provider_name())


class AdminSignInRefused(PortsideError):
    status = 401
    public_message = "That email, password or code was not accepted. Check them and try again."


@dataclass(frozen=True)
class Challenge:
    """What Cognito asks next, and what the next form must carry back."""

    name: str
    email: str
    session: str
    secret: str | None = None  # MFA_SETUP: the key to add to an authenticator app

    def form_values(self, next_path: str | None) -> dict[str, str]:
        """What the challenge page's form carries back (the same names the form posts)."""
        return {
            "challenge": self.name,
            "email": self.email,
            "session": self.session,
            "secret": self.secret or "",
            "next": safe_admin_next(next_path) or "",
        }


@dataclass(frozen=True)
class AdminSignedIn:
    cookie_value: str
    max_age_seconds: int


def safe_admin_next(path: str | None) -> str | None:
    """Only a console page may be the destination after sign-in (no open redirect)."""
    if not path or len(path) > 500 or not (path == "/admin" or path.startswith("/admin/")):
        return None
    if "//" in path or "\\" in path or any(ord(ch) < 0x20 for ch in path) or path.startswith("/admin/log"):
        return None
    return path


def _limits(email: str, client: Client) -> tuple[Limit, Limit]:
    config = settings()
    window = config.admin_failure_window_seconds
    per_address = config.admin_failures_per_address
    return (
        Limit("admin-fail-address", email, per_address, window),
        Limit("admin-fail-ip", client.ip or "-", per_address * 10, window),
    )


def _refuse_if_limited(tenant: Tenant, email: str, client: Client) -> None:
    rate_limits.refuse_if_full(tenant.tenant_id, _limits(email, client), TOO_MANY)


def record_failure(
    tenant: Tenant, target: str, client: Client, reason: str, limits: tuple[Limit, ...], too_many: str, **details: Any
) -> None:
    """Audit a refused admin sign-in (password or single sign-on) and count it in ``limits``; a full window
    answers 429 (``too_many``) instead."""
    logger.info("admin sign-in refused", extra={"reason": reason, **details})
    changes = Changes(
        audit_event(tenant.tenant_id, "anonymous", "admin.sign_in_failed", target, client, reason=reason, **details)
    )
    for limit in limits:
        rate_limits.count(changes, tenant.tenant_id, limit)
    try:
        changes.commit()
    except ConditionFailed as failed:
        rate_limits.raise_if_limited(failed, too_many)
        raise


def _failed(tenant: Tenant, email: str, client: Client, reason: str) -> AdminSignInRefused:
    """Audit and count a failure; the caller raises what this returns."""
    record_failure(tenant, f"admin:{email}", client, reason, _limits(email, client), TOO_MANY)
    return AdminSignInRefused(reason)


def _cognito(tenant: Tenant, email: str, client: Client, operation: str, **arguments: Any) -> dict[str, Any]:
    try:
        result: dict[str, Any] = getattr(aws_client("cognito-idp"), operation)(**arguments)
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        if code == "InvalidPasswordException":
            raise InvalidInput({"new_password": "Cognito refused this password: " + _first_sentence(error)}) from error
        if code in _REFUSALS:
            raise _failed(tenant, email, client, code) from error
        raise
    except ParamValidationError as error:  # what the form let through, Cognito's API still refuses
        raise InvalidInput({"session": "This sign-in took too long. Start again."}) from error
    return result


def _first_sentence(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Message", "it does not meet the policy")).split("\n")[0][:200]


def start(tenant: Tenant, email: str, password: str, client: Client) -> Challenge:
    """Check the password; answer with the challenge Cognito asks next."""
    if password_sign_in_off(tenant):
        raise PasswordSignInOff(tenant.tenant_id)
    _refuse_if_limited(tenant, email, client)
    result = _cognito(
        tenant,
        email,
        client,
        "initiate_auth",
        ClientId=settings().admin_client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": email, "PASSWORD": password},
    )
    step = _next(tenant, email, client, result, answered=None)
    assert isinstance(step, Challenge)  # tokens straight after a password are refused in _next
    _bind(step, tenant)
    return step


def _bind(step: Challenge, tenant: Tenant, replacing: AdminChallenge | None = None) -> None:
    """Record whose challenge ``step.session`` is (replacing the binding of the session it follows)."""
    changes = Changes(audit=None)  # bookkeeping of a sign-in under way, audited when it ends
    binding = AdminChallenge.build(
        tenant.tenant_id, digest(step.session), step.email, expires_at=clock.now() + CHALLENGE_LIFETIME
    )
    changes.put(binding, label="binding")
    if replacing is not None and replacing.PK != binding.PK:  # Cognito may carry one session on
        changes.delete(replacing, label="replaced")
    changes.commit()


def _bound(tenant: Tenant, email: str, session: str, client: Client) -> AdminChallenge:
    """The binding of ``session`` to ``email``; a session bound to anyone else, or to no one, is refused."""
    keys = AdminChallenge.keys_for(tenant.tenant_id, digest(session))
    binding = reads.get_or_none(AdminChallenge, keys, consistent=True)
    if binding is None or binding.expires_at <= clock.now():
        raise _failed(tenant, email, client, "challenge_unknown_or_expired")
    if binding.email != email:
        raise _failed(tenant, email, client, "challenge_of_another_address")
    return binding


def _spend_code(tenant: Tenant, email: str, code: str, client: Client) -> None:
    """Refuse a code this address has used within its window, and mark this one used."""
    now = clock.now()
    used = UsedTotpCode.build(tenant.tenant_id, email, code, expires_at=now + CODE_REUSE_WINDOW)
    try:
        Changes(audit=None).put(
            used, label="code", condition=UsedTotpCode.PK.does_not_exist() | (UsedTotpCode.expires_at <= now)
        ).commit()
    except ConditionFailed as failed:
        raise _failed(tenant, email, client, "code_reused") from failed


def answer(
    tenant: Tenant, email: str, challenge: str, session: str, client: Client, *, code: str = "", new_password: str = ""
) -> Challenge | AdminSignedIn:
    """Answer one challenge; the next one, or a signed-in admin once Cognito hands out tokens."""
    if password_sign_in_off(tenant):
        raise PasswordSignInOff(tenant.tenant_id)
    _refuse_if_limited(tenant, email, client)
    binding = _bound(tenant, email, session, client)
    if challenge in SECOND_FACTORS:
        _spend_code(tenant, email, code, client)
    client_id = settings().admin_client_id
    if challenge == MFA_SETUP:
        verified = _cognito(
            tenant,
            email,
            client,
            "verify_software_token",
            Session=session,
            UserCode=code,
            FriendlyDeviceName="Portside admin console",
        )
        if verified.get("Status") != "SUCCESS":
            raise _failed(tenant, email, client, "mfa_setup_not_verified")
        responses = {"USERNAME": email}
        session = verified.get("Session", session)
    elif challenge == TOTP_CODE:
        responses = {"USERNAME": email, "SOFTWARE_TOKEN_MFA_CODE": code}
    else:
        responses = {"USERNAME": email, "NEW_PASSWORD": new_password}
    result = _cognito(
        tenant,
        email,
        client,
        "respond_to_auth_challenge",
        ClientId=client_id,
        ChallengeName=challenge,
        Session=session,
        ChallengeResponses=responses,
    )
    step = _next(tenant, email, client, result, answered=challenge, spent=binding)
    if isinstance(step, Challenge):
        _bind(step, tenant, replacing=binding)
    return step


def _next(
    tenant: Tenant,
    email: str,
    client: Client,
    result: dict[str, Any],
    answered: str | None,
    spent: AdminChallenge | None = None,
) -> Challenge | AdminSignedIn:
    name = result.get("ChallengeName")
    if name == MFA_SETUP:
        associated = _cognito(tenant, email, client, "associate_software_token", Session=result["Session"])
        return Challenge(
            MFA_SETUP,
            email,
            associated.get("Session", result["Session"]),
            secret=associated["SecretCode"],
        )
    if name in CHALLENGES:
        return Challenge(name, email, result["Session"])
    if name:
        logger.error("unsupported Cognito challenge", extra={"challenge": name})
        raise _failed(tenant, email, client, f"unsupported_challenge:{name}")
    if answered not in SECOND_FACTORS:
        logger.error("Cognito issued tokens without a second factor; check the pool's MFA setting")
        raise _failed(tenant, email, client, "no_second_factor")
    return _open_session(tenant, email, client, result["AuthenticationResult"]["IdToken"], spent)


def _open_session(
    tenant: Tenant, email: str, client: Client, id_token: str, spent: AdminChallenge | None
) -> AdminSignedIn:
    """``email`` passed the password step; the tokens must name it, whatever the identity service says."""
    from portside.auth.admin_tokens import TokenRejected, verify_id_token  # the last step only (PyJWT, cryptography)

    try:
        claims = verify_id_token(id_token)
    except TokenRejected as rejected:
        logger.error("ID token rejected", extra={"reason": str(rejected)})
        raise _failed(tenant, email, client, "token_rejected") from rejected
    admin_email = str(claims["email"]).lower()
    if admin_email != email:
        raise _failed(tenant, email, client, "token_names_another_address")
    member = admin_reads.admin_member(tenant.tenant_id, admin_email)
    roles = [role for role in (member.roles or []) if role in ADMIN_ROLES] if member is not None else []
    if member is None or member.status != "active" or not roles:
        raise _failed(tenant, email, client, "not_an_admin_of_this_tenant")
    session = new_admin_session(tenant, admin_email, str(claims["sub"]), roles)
    changes = Changes(
        audit_event(
            tenant.tenant_id, f"admin:{admin_email}", "admin.signed_in", f"admin:{admin_email}", client, roles=roles
        )
    )
    changes.put(session.item, label="session", condition=AdminSession.PK.does_not_exist())
    if spent is not None:
        changes.delete(spent, label="challenge")
    note_sign_in(changes, member)
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise _failed(tenant, email, client, "member_disabled_meanwhile") from failed
    return AdminSignedIn(session.cookie_value, session.max_age_seconds)
