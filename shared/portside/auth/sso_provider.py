"""The company's identity provider, as the console's OAuth 2.0 client sees it.

The authorization code flow with PKCE (RFC 7636): the browser goes to the authorize endpoint with
a ``state``, a nonce and the SHA-256 of a verifier; it comes back with a code, which the portal
exchanges, with the verifier, at the token endpoint for an ID token (``auth.admin_tokens`` checks it).

On AWS the endpoints are the admin pool's hosted domain, which hands the browser on to the
federated provider (OIDC or SAML) named in the pool, and the ID token is the pool's. Locally
every endpoint is the stand-in provider's (the emulator has no hosted domain): the settings name
them one by one. Only the settings differ; the flow and its checks are the same.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import urllib.parse
from dataclasses import dataclass, field

from portside.config import settings

SCOPES = "openid email profile"
EXCHANGE_TIMEOUT_SECONDS = 5


class ExchangeRefused(Exception):
    """The token endpoint refused the code (used, expired, another client's) or answered nonsense."""


class ProviderUnreachable(Exception):
    """The token endpoint did not answer."""


@dataclass(frozen=True)
class SsoProvider:
    name: str  # as the sign-in page names it
    authorize_url: str
    token_url: str
    issuer: str
    jwks_url: str
    client_id: str
    identity_provider: str  # Cognito's ``identity_provider``: straight on to the company's provider
    groups_claim: str
    client_secret: str | None = field(default=None, repr=False)


def provider_name() -> str:
    """The provider's name when single sign-on is configured, else empty (cheap: pages ask it)."""
    return settings().admin_sso_name


def configured() -> SsoProvider | None:
    config = settings()
    if not config.admin_sso_name:
        return None
    domain = config.admin_sso_domain
    issuer = config.admin_sso_issuer or _pool_issuer(config.admin_pool_id)
    return SsoProvider(
        name=config.admin_sso_name,
        authorize_url=config.admin_sso_authorize_url or f"https://{domain}/oauth2/authorize",
        token_url=config.admin_sso_token_url or f"https://{domain}/oauth2/token",
        issuer=issuer,
        jwks_url=config.admin_sso_jwks_url or f"{issuer}/.well-known/jwks.json",
        client_id=config.admin_sso_client_id or config.admin_client_id,
        identity_provider=config.admin_sso_provider,
        groups_claim=config.admin_sso_groups_claim,
        client_secret=config.admin_sso_client_secret,
    )


def _pool_issuer(pool_id: str) -> str:
    region = pool_id.split("_", 1)[0] if "_" in pool_id else os.environ.get("AWS_REGION", "us-east-1")
    return f"https://cognito-idp.{region}.amazonaws.com/{pool_id}"


def code_challenge(verifier: str) -> str:
    """PKCE's S256: the unpadded base64url SHA-256 of the verifier."""
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def authorization_url(provider: SsoProvider, redirect_uri: str, state: str, nonce: str, verifier: str) -> str:
    query = {
        "response_type": "code",
        "client_id": provider.client_id,
        "redirect_uri": redirect_uri,
        "scope": SCOPES,
        "state": state,
        "nonce": nonce,
        "code_challenge": code_challenge(verifier),
        "code_challenge_method": "S256",
    }
    if provider.identity_provider:
        query["identity_provider"] = provider.identity_provider
    return f"{provider.authorize_url}?{urllib.parse.urlencode(query)}"


def exchange_code(provider: SsoProvider, code: str, redirect_uri: str, verifier: str) -> str:
    """The ID token the code earns (a public client proves who asks by the verifier alone)."""
    import urllib.request  # the callback's step only: http.client and email are a cold start's milliseconds
    from urllib.error import HTTPError, URLError

    body = urllib.parse.urlencode(
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": provider.client_id,
            "code_verifier": verifier,
        }
    ).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
    if provider.client_secret:  # RFC 6749 2.3.1: each part form-encoded, then Basic
        pair = f"{urllib.parse.quote_plus(provider.client_id)}:{urllib.parse.quote_plus(provider.client_secret)}"
        headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
    # The URL is the deployment's setting, never the request's: https, or the local stand-in's http.
    request = urllib.request.Request(provider.token_url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=EXCHANGE_TIMEOUT_SECONDS) as response:  # noqa: S310
            answer = json.loads(response.read(64 * 1024))
    except HTTPError as error:
        raise ExchangeRefused(f"token endpoint answered {error.code}: {_oauth_error(error)}") from error
    except (URLError, TimeoutError) as error:
        raise ProviderUnreachable(str(error)) from error
    except ValueError as error:
        raise ExchangeRefused("token endpoint answered no JSON") from error
    token = answer.get("id_token") if isinstance(answer, dict) else None
    if not isinstance(token, str) or not token:
        raise ExchangeRefused("token endpoint answered no ID token")
    return token


def _oauth_error(error: Exception) -> str:
    try:
        return str(json.loads(error.read(4096)).get("error", ""))[:60]  # type: ignore[attr-defined]
    except (ValueError, AttributeError):
        return ""


def groups_of(claims: dict[str, object], claim: str) -> list[str]:
    """The user's groups at the provider, from a JSON list or from the text Cognito makes of one.

    A multi-valued attribute mapped into the pool comes back as text like ``[a, b]`` (or JSON);
    the stand-in provider sends a list.
    """
    value = claims.get(claim)
    if isinstance(value, list):
        return [str(group) for group in value]
    if not isinstance(value, str) or not value.strip():
        return []
    text = value.strip()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if isinstance(parsed, list) and all(isinstance(group, str) for group in parsed):
        return parsed
    return [part.strip().strip('"') for part in text.strip("[]").split(",") if part.strip()]
