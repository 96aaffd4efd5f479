"""Cognito ID tokens, verified before an admin session opens.

The token came straight from Cognito over TLS, and is still checked as if it had not: its
RS256 signature against the pool's published keys (JWKS), the issuer, the audience (our
app client), the expiry, and that it is an ID token. PyJWT does the work; its key client
caches the pool's keys per process.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jwt

from portside.aws import client
from portside.config import settings

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
