"""Cognito ID tokens, verified before an admin session opens.

The token came straight from Cognito over TLS, and is still checked as if it had not: its
RS256 signature against the pool's published keys (JWKS), the issuer, the audience (our
app client), the expiry, and that it is an ID token. PyJWT does the work; its key client
caches the pool's keys per process.
"""

from __future__ import annotations

import hmac
from functools import cache
from typing import TYPE_CHECKING, Any

import jwt

from portside.aws import client
from portside.config import settings

if TYPE_CHECKING:
    from portside.auth.sso_provider import SsoProvider

CLOCK_SKEW_SECONDS = 30


class TokenRejected(Exception):
    """The token failed a check; the reason is for the log, never for the page."""


def issuer() -> str:
    region = client("cognito-idp").meta.region_name
    return f"https://cognito-idp.{region}.amazonaws.com/{settings().admin_pool_id}"


@cache
def _keys(url: str) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(url, cache_keys=True, lifespan=3600, timeout=5)


def verify_id_token(token: str) -> dict[str, Any]:
    config = settings()
    url = config.admin_jwks_url or f"{issuer()}/.well-known/jwks.json"
    try:
        signing_key = _keys(url).get_signing_key_from_jwt(token)
        claims: dict[str, Any] = jwt.decode(
            token,
            signing_key.key,
            algorithms=["RS256"],
            audience=config.admin_client_id,
            issuer=issuer(),
            leeway=CLOCK_SKEW_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "sub", "token_use"]},
        )
    except jwt.PyJWTError as error:
        raise TokenRejected(f"{type(error).__name__}: {error}") from error
    if claims.get("token_use") != "id":
        raise TokenRejected("not an ID token")
    if not claims.get("email"):
        raise TokenRejected("no email claim")
    return claims


def verify_sso_id_token(token: str, provider: SsoProvider, nonce: str) -> dict[str, Any]:
    """An ID token from single sign-on: the provider's keys, issuer and our client, and the nonce we sent.

    The nonce ties the token to the sign-in this browser started: a token obtained for any other
    sign-in (replayed, or injected through a code of someone else's flow) does not carry it.
    """
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            _provider_key(provider.jwks_url, token),
            algorithms=["RS256"],
            audience=provider.client_id,
            issuer=provider.issuer,
            leeway=CLOCK_SKEW_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "sub", "nonce"]},
        )
    except jwt.PyJWTError as error:
        raise TokenRejected(f"{type(error).__name__}: {error}") from error
    if not hmac.compare_digest(str(claims["nonce"]).encode(), nonce.encode()):
        raise TokenRejected("nonce differs from the sign-in's")
    if claims.get("token_use", "id") != "id":
        raise TokenRejected("not an ID token")
    if not isinstance(claims.get("email"), str) or "@" not in claims["email"]:
        raise TokenRejected("no email claim")
    return claims


def _provider_key(jwks_url: str, token: str) -> Any:
    """The key the token names; a token naming none is checked against the provider's one signing key.

    Some providers (the local stand-in among them) leave ``kid`` out when they publish a single key;
    where they publish several, a token must say which.
    """
    keys = _keys(jwks_url)
    key_id = jwt.get_unverified_header(token).get("kid")
    if key_id:
        return keys.get_signing_key(str(key_id)).key
    published = keys.get_signing_keys()
    if len(published) != 1:
        raise jwt.InvalidTokenError("the token names no key, and the provider publishes several")
    return published[0].key
