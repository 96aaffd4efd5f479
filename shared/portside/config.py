"""Deployment settings: one pydantic model, read from the environment once per process.

Tenant-level choices (brand, link lifetime, session length) live on the Tenant item;
what is here is fixed per deployment and set by the stack or the local runtime.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

_REPO_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_LAYER_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def _default_templates_dir() -> Path:
    """The repository's templates/ on a laptop, the layer's copy (beside the package) on Lambda."""
    return _REPO_TEMPLATES if _REPO_TEMPLATES.is_dir() else _LAYER_TEMPLATES


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PORTSIDE_", frozen=True)

    stage: Literal["local", "dev", "prod"] = "local"
    table_name: str = "portside"
    mail_sender: str = "portal@northwind.example"
    mail_configuration_set: str | None = None
    # The documents bucket: documents, brand logos, and uploads waiting to be checked.
    documents_bucket: str = "portside-documents"
    templates_dir: Path = Field(default_factory=_default_templates_dir)
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
    edge_secret: SecretStr | None = None

    # The admins' Cognito user pool and the console's app client (the stack's AdminUserPoolId/AdminAppClientId).
    admin_pool_id: str = ""
    admin_client_id: str = ""
    # Where the pool's signing keys are published; by default the pool issuer's /.well-known/jwks.json.
    # The local runtime points it at the emulator.
    admin_jwks_url: str | None = None
    admin_session_hours: int = 8
    admin_idle_minutes: int = 30
    # Failed admin sign-ins allowed per address (and, ten times as many, per client IP) in the window.
    admin_failures_per_address: int = 5
    admin_failure_window_seconds: int = 15 * 60

    # How often a mail worker retries one outbox item before parking it as failed.
    mail_max_attempts: int = 5


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings()
