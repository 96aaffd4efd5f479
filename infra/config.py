"""Deployment settings, read from CDK context (``cdk.json``, or ``-c key=value`` on the command line).

Every key, its default and an example are listed in docs/deploy.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from constructs import Construct

STAGES = ("dev", "prod")


@dataclass(frozen=True)
class IdentityProvider:
    """An existing identity provider federated into the admin user pool (Okta, Azure AD, Keycloak, Google)."""

    kind: str  # "oidc" or "saml"
    name: str
    issuer_url: str | None = None  # oidc
    client_id: str | None = None  # oidc
    client_secret_name: str | None = None  # oidc: a Secrets Manager secret holding the client secret
    metadata_url: str | None = None  # saml
    # Single sign-on in the console: the button's wording, the claim (OIDC) or attribute (SAML) listing the
    # user's groups, the pool's hosted domain prefix, and the hosts of tenants other than domain_name.
    display_name: str | None = None  # "Sign in with <display_name>"; by default the name
    groups_claim: str = "groups"
    domain_prefix: str | None = None  # by default portside-admin-<stage>-<account>
    callback_hosts: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeploymentConfig:
    stage: str = "dev"
    # The portal's own domain and its ACM certificate (in us-east-1, as CloudFront requires).
    domain_name: str | None = None
    certificate_arn: str | None = None
    # Mail: the SES identity (a domain you control) and the sender address on it.
    mail_domain: str = "example.com"
    mail_sender: str = "portal@example.com"
    alarm_email: str | None = None
    log_retention_days: int = 90
    edge: bool = True  # CloudFront and AWS WAF in front of the API (needs the stack in us-east-1)
    identity_provider: IdentityProvider | None = None
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    # Lambda SnapStart for the route functions: initialisation snapshotted at deploy (docs/benchmark.md, "Cold starts").
    snap_start: bool = False

    @property
    def is_dev(self) -> bool:
        return self.stage == "dev"

    @classmethod
    def from_context(cls, scope: Construct) -> DeploymentConfig:
        def get(key: str, default: Any = None) -> Any:
            value = scope.node.try_get_context(key)
            return default if value is None else value

        stage = str(get("stage", "dev"))
        if stage not in STAGES:
            raise ValueError(f"context 'stage' must be one of {STAGES}, not {stage!r}")
        provider = get("identity_provider")
        domain = get("domain_name")
        return cls(
            stage=stage,
            domain_name=domain,
            certificate_arn=get("certificate_arn"),
            mail_domain=str(get("mail_domain", "example.com")),
            mail_sender=str(get("mail_sender", f"portal@{get('mail_domain', 'example.com')}")),
            alarm_email=get("alarm_email"),
            log_retention_days=int(get("log_retention_days", 90)),
            edge=str(get("edge", "true")).lower() != "false",
            identity_provider=_provider(provider),
            cors_origins=tuple(get("cors_origins", [f"https://{domain}"] if domain else [])),
            snap_start=str(get("snap_start", "false")).lower() == "true",
        )


def _provider(found: Any) -> IdentityProvider | None:
    if not isinstance(found, dict):
        return None
    return IdentityProvider(**{**found, "callback_hosts": tuple(found.get("callback_hosts", ()))})
