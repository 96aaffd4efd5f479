"""Deployment settings: read from ``PORTSIDE_<NAME>`` environment variables once per process.

Tenant-level choices (brand, link lifetime, session length) live on the Tenant item;
what is here is fixed per deployment and set by the stack or the local runtime.

A plain dataclass, not pydantic-settings: every field is a string, a whole number or a path,
and pydantic-settings alone cost about 110 ms of every cold start (docs/benchmark.md, "Cold starts").
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

PREFIX = "PORTSIDE_"
# "local" on a laptop; deployed, the stack's stage name (infra/config.py checks it the same way).
STAGE = re.compile(r"^[a-z][a-z0-9-]{0,19}$")

_REPO_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_LAYER_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def _default_templates_dir() -> Path:
    """The repository's templates/ on a laptop, the layer's copy (beside the package) on Lambda."""
    return _REPO_TEMPLATES if _REPO_TEMPLATES.is_dir() else _LAYER_TEMPLATES


@dataclass(frozen=True)
class Settings:
    stage: str = "local"
    table_name: str = "portside"
    mail_sender: str = "portal@northwind.example"
    mail_configuration_set: str | None = None
    # The documents bucket: documents, brand logos, and uploads waiting to be checked.
    documents_bucket: str = "portside-documents"
    # The largest document a browser may upload (S3 refuses bigger ones before they arrive).
    document_max_bytes: int = 50 * 1024 * 1024
    templates_dir: Path = field(default_factory=_default_templates_dir)
    # Where the "Powered by Portside" footer link points.
    powered_by_url: str = "https://portside.example/"

    # Sign-in request limits: per address and per client IP, in a fixed window.
    sign_in_window_seconds: int = 15 * 60
    sign_in_limit_per_address: int = 5
    sign_in_limit_per_ip: int = 30
    # Wrong one-time codes allowed before the code (and its link) locks.
    sign_in_code_attempts: int = 5

    # Behind the stack's CloudFront edge, API Gateway sees CloudFront, not the browser. The edge's viewer-request
    # function overwrites ``x-viewer-ip`` and ``x-viewer-host`` with what the browser sent, and CloudFront adds
    # ``x-origin-verify``: only a request carrying this secret has its viewer headers believed. Without the
    # setting, or without the right secret, they are ignored and the TCP peer and Host header count.
    # On AWS the stack names the secret and the functions read it at run time (web/edge_secret.py); the
    # value itself is a setting only where no Secrets Manager is (a laptop's runtime, the tests).
    edge_secret_arn: str = ""
    edge_secret: str | None = field(default=None, repr=False)  # never in a log line

    # The admins' Cognito user pool and the console's app client (the stack's AdminUserPoolId/AdminAppClientId).
    admin_pool_id: str = ""
    admin_client_id: str = ""
    # Where the pool's signing keys are published; by default the pool issuer's /.well-known/jwks.json.
    # The local runtime points it at the emulator.
    admin_jwks_url: str | None = None
    admin_session_hours: int = 8
    # Single sign-on through the company's identity provider (docs/single-sign-on.md). Without a name,
    # the console offers password and authenticator only. On AWS the stack sets the name, the pool's hosted
    # domain and the federated provider's name in the pool; the endpoints, issuer and client follow from them.
    # The local runtime sets every endpoint itself, pointing at its stand-in provider.
    admin_sso_name: str = ""
    admin_sso_domain: str = ""  # the pool's hosted domain, like login.portal.example.com
    admin_sso_provider: str = ""  # the provider's name in the pool (Cognito's identity_provider parameter)
    admin_sso_authorize_url: str = ""
    admin_sso_token_url: str = ""
    admin_sso_issuer: str = ""
    admin_sso_jwks_url: str = ""
    admin_sso_client_id: str = ""  # by default the console's app client
    # A confidential client's secret (HTTP Basic at the token endpoint). The stack's app client is public (PKCE
    # proves the caller) and needs none; the local stand-in provider insists on one and takes any.
    admin_sso_client_secret: str | None = field(default=None, repr=False)
    # The ID token claim that lists the user's groups at the provider: the pool's custom attribute on AWS.
    admin_sso_groups_claim: str = "custom:groups"
    admin_idle_minutes: int = 30
    # Failed admin sign-ins allowed per address (and, ten times as many, per client IP) in the window.
    admin_failures_per_address: int = 5
    admin_failure_window_seconds: int = 15 * 60

    # How often a mail worker retries one outbox item before parking it as failed.
    mail_max_attempts: int = 5

    def __post_init__(self) -> None:
        if not STAGE.fullmatch(self.stage):
            raise ValueError(f"{PREFIX}STAGE must be a stage name (local, dev, staging, prod), not {self.stage!r}")

    @classmethod
    def from_environment(cls, environ: dict[str, str] | os._Environ[str] = os.environ) -> Settings:
        """Each field from ``PORTSIDE_<FIELD>`` when set; whole numbers and paths converted, anything else text."""
        found: dict[str, object] = {}
        for setting in fields(cls):
            raw = environ.get(PREFIX + setting.name.upper())
            if raw is None:
                continue
            if setting.type == "int":
                try:
                    found[setting.name] = int(raw)
                except ValueError:
                    raise ValueError(f"{PREFIX}{setting.name.upper()} must be a whole number, not {raw!r}") from None
            else:
                found[setting.name] = Path(raw) if setting.type == "Path" else raw
        return cls(**found)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings.from_environment()
