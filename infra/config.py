"""Deployment settings, read from CDK context (``cdk.json``, or ``-c key=value`` on the command line).

Every key, its default and an example are listed in docs/deploy.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from constructs import Construct

# A stage names the stack (Portside-<stage>), its dashboard and its hosted sign-in domain: lower case, short.
STAGE = re.compile(r"^[a-z][a-z0-9-]{0,19}$")


class ConfigError(ValueError):
    """A context key set to what cannot deploy: the message names the key and what to set instead."""


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
    # Keep the table, bucket and user pool when the stack is deleted, with deletion protection on: true
    # unless set false, whatever the stage is called (a throwaway dev stage sets it false).
    protect_data: bool = True
    # The portal's own domain and its ACM certificate (in us-east-1, as CloudFront requires).
    domain_name: str | None = None
    certificate_arn: str | None = None
    # Mail: the SES identity (a domain you control) and the sender address on it (portal@<mail_domain> unless named).
    mail_domain: str = "example.com"
    mail_sender: str = "portal@example.com"
    alarm_email: str | None = None  # mailed every alarm
    alarm_topic_arn: str | None = None  # an SNS topic of the on-call tool's, forwarded every alarm
    log_retention_days: int = 90
    edge: bool = True  # CloudFront and AWS WAF in front of the API (needs the stack in us-east-1)
    edge_secret_version: str | None = None  # after a rotation: the VersionId CloudFront is to send
    identity_provider: IdentityProvider | None = None
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    # Each worker's own concurrency, reserved and capped (infra/components/workers.py); an account whose
    # concurrency limit cannot spare it (new accounts may start at 10) sets this false.
    reserve_worker_concurrency: bool = True
    # Lambda SnapStart for the route functions: initialisation snapshotted at deploy (docs/benchmark.md, "Cold starts").
    snap_start: bool = False

    @classmethod
    def from_context(cls, scope: Construct) -> DeploymentConfig:
        def get(key: str, default: Any = None) -> Any:
            value = scope.node.try_get_context(key)
            return default if value is None else value

        stage = str(get("stage", "dev"))
        if not STAGE.fullmatch(stage):
            raise ConfigError(
                f"context 'stage' is {stage!r}: use up to 20 lower-case letters, digits and hyphens, "
                "starting with a letter (dev, staging, prod, eu-prod)"
            )
        provider = get("identity_provider")
        domain = get("domain_name")
        mail_domain = str(get("mail_domain", "example.com")).strip().lower()
        return cls(
            stage=stage,
            protect_data=_flag(get("protect_data", True)),
            domain_name=domain,
            certificate_arn=get("certificate_arn"),
            mail_domain=mail_domain,
            mail_sender=_sender_on(mail_domain, str(get("mail_sender", f"portal@{mail_domain}")).strip()),
            alarm_email=get("alarm_email"),
            alarm_topic_arn=get("alarm_topic_arn"),
            log_retention_days=int(get("log_retention_days", 90)),
            edge=_flag(get("edge", True)),
            edge_secret_version=get("edge_secret_version"),
            identity_provider=_provider(provider),
            cors_origins=tuple(get("cors_origins", [f"https://{domain}"] if domain else [])),
            snap_start=_flag(get("snap_start", False)),
            reserve_worker_concurrency=_flag(get("reserve_worker_concurrency", True)),
        )


def _flag(value: Any) -> bool:
    """A context flag: JSON's true/false from cdk.json, or the string "true"/"false" from ``-c``."""
    return value if isinstance(value, bool) else str(value).strip().lower() == "true"


def _sender_on(mail_domain: str, sender: str) -> str:
    """The sender, if it is an address on the mail domain: SES sends only from the identity the stack verifies."""
    if sender.rpartition("@")[2].lower() != mail_domain:
        raise ConfigError(
            f"context 'mail_sender' is {sender!r}, not an address on mail_domain {mail_domain!r}: SES would refuse "
            f"every mail. Set -c mail_sender=<name>@{mail_domain}, or leave it out (portal@{mail_domain})."
        )
    return sender


def _provider(found: Any) -> IdentityProvider | None:
    if not isinstance(found, dict):
        return None
    return IdentityProvider(**{**found, "callback_hosts": tuple(found.get("callback_hosts", ()))})
