"""Deployment settings, read from CDK context (``cdk.json``, or ``-c key=value`` on the command line).

Every key, its default and an example are listed in docs/deploy.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from constructs import Construct

# A stage names the stack (Portside-<stage>), its dashboard and its hosted sign-in domain: lower case, short.
STAGE = re.compile(r"^[a-z][a-z0-9-]{0,19}$")
REGION = re.compile(r"^[a-z]{2}(-[a-z]+)+-[0-9]$")
# CloudFront's certificates and web ACLs, and the metrics of both, live in this region only.
EDGE_REGION = "us-east-1"


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
    # Where the table, buckets, user pool, API and functions live; the edge's WAF and certificate are in EDGE_REGION.
    region: str = EDGE_REGION
    # Keep the table, bucket and user pool when the stack is deleted, with deletion protection on: true
    # unless set false, whatever the stage is called (a throwaway dev stage sets it false).
    protect_data: bool = True
    # The portal's own domain, its certificate for CloudFront (in us-east-1; created unless given), the
    # certificate for API Gateway's origin.<domain_name> (in the region; created unless given), and the
    # Route 53 hosted zone that validates both and gets their records (without one, docs/deploy.md says what to add).
    domain_name: str | None = None
    certificate_arn: str | None = None
    origin_certificate_arn: str | None = None
    hosted_zone_id: str | None = None
    hosted_zone_name: str | None = None
    # Mail: the SES identity (a domain you control) and the sender address on it (portal@<mail_domain> unless named).
    mail_domain: str = "example.com"
    mail_sender: str = "portal@example.com"
    alarm_email: str | None = None  # mailed every alarm
    alarm_topic_arn: str | None = None  # an SNS topic of the on-call tool's (in the region), forwarded every alarm
    edge_alarm_topic_arn: str | None = None  # the same for the edge's alarms, in us-east-1 (alarm_topic_arn if there)
    log_retention_days: int = 90
    edge: bool = True  # CloudFront and AWS WAF in front of the API
    edge_secret_version: str | None = None  # after a rotation: the VersionId CloudFront is to send
    identity_provider: IdentityProvider | None = None
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    # Each worker's own concurrency, reserved and capped (infra/components/workers.py); an account whose
    # concurrency limit cannot spare it (new accounts may start at 10) sets this false.
    reserve_worker_concurrency: bool = True
    # Lambda SnapStart for the route functions: initialisation snapshotted at deploy (docs/benchmark.md, "Cold starts").
    snap_start: bool = False
    # The layer's bytecode, compiled by a Python 3.13 (infra/components/layer.py): found on PATH or by pyenv
    # unless named; false ships source only, which every cold start then compiles.
    layer_bytecode: bool = True
    layer_python: str | None = None

    @property
    def origin_domain_name(self) -> str | None:
        """API Gateway's own name for CloudFront to reach it by, so that its execute-api address can be off."""
        return f"origin.{self.domain_name}" if self.edge and self.domain_name else None

    @classmethod
    def from_context(cls, scope: Construct, default_region: str | None = None) -> DeploymentConfig:
        """The settings in ``scope``'s context; the region is the context's, else ``default_region``, else us-east-1."""

        def get(key: str, default: Any = None) -> Any:
            value = scope.node.try_get_context(key)
            return default if value is None else value

        stage = str(get("stage", "dev"))
        if not STAGE.fullmatch(stage):
            raise ConfigError(
                f"context 'stage' is {stage!r}: use up to 20 lower-case letters, digits and hyphens, "
                "starting with a letter (dev, staging, prod, eu-prod)"
            )
        region = str(get("region", default_region or EDGE_REGION))
        if not REGION.fullmatch(region):
            raise ConfigError(f"context 'region' is {region!r}: name an AWS region, such as eu-central-1")
        provider = get("identity_provider")
        domain = get("domain_name")
        mail_domain = str(get("mail_domain", "example.com")).strip().lower()
        _check_domain_keys(get)
        alarm_topic, edge_alarm_topic = _alarm_topics(get, region)
        return cls(
            stage=stage,
            region=region,
            protect_data=_flag(get("protect_data", True)),
            domain_name=domain,
            certificate_arn=_in_region("certificate_arn", get("certificate_arn"), EDGE_REGION),
            origin_certificate_arn=_in_region("origin_certificate_arn", get("origin_certificate_arn"), region),
            hosted_zone_id=get("hosted_zone_id"),
            hosted_zone_name=get("hosted_zone_name"),
            mail_domain=mail_domain,
            mail_sender=_sender_on(mail_domain, str(get("mail_sender", f"portal@{mail_domain}")).strip()),
            alarm_email=get("alarm_email"),
            alarm_topic_arn=alarm_topic,
            edge_alarm_topic_arn=edge_alarm_topic,
            log_retention_days=int(get("log_retention_days", 90)),
            edge=_flag(get("edge", True)),
            edge_secret_version=get("edge_secret_version"),
            identity_provider=_provider(provider),
            cors_origins=tuple(get("cors_origins", [f"https://{domain}"] if domain else [])),
            snap_start=_flag(get("snap_start", False)),
            reserve_worker_concurrency=_flag(get("reserve_worker_concurrency", True)),
            layer_bytecode=_flag(get("layer_bytecode", True)),
            layer_python=get("layer_python"),
        )


def _flag(value: Any) -> bool:
    """A context flag: JSON's true/false from cdk.json, or the string "true"/"false" from ``-c``."""
    return value if isinstance(value, bool) else str(value).strip().lower() == "true"


def _check_domain_keys(get: Callable[..., Any]) -> None:
    """The zone's two keys go together, and like the certificates they need the portal's domain."""
    if bool(get("hosted_zone_id")) != bool(get("hosted_zone_name")):
        raise ConfigError("context 'hosted_zone_id' and 'hosted_zone_name' go together: set both, or neither")
    for key in ("hosted_zone_name", "certificate_arn", "origin_certificate_arn"):
        if get(key) and not get("domain_name"):
            raise ConfigError(f"context {key!r} is set without 'domain_name': name the portal's domain")


def _alarm_topics(get: Callable[..., Any], region: str) -> tuple[str | None, str | None]:
    """The on-call topics of the portal's alarms (in its region) and of the edge's (in us-east-1).

    An alarm acts only on a topic of its own region, so in any other region the portal's topic cannot
    serve the edge's alarms; one that would then reach no one is refused.
    """
    topic = _in_region("alarm_topic_arn", get("alarm_topic_arn"), region)
    edge_topic = _in_region(
        "edge_alarm_topic_arn", get("edge_alarm_topic_arn") or (topic if region == EDGE_REGION else None), EDGE_REGION
    )
    if topic and not (edge_topic or get("alarm_email")) and _flag(get("edge", True)):
        raise ConfigError(
            f"context 'alarm_topic_arn' is in {region}, where the edge's alarms cannot act on it (they live "
            f"in {EDGE_REGION}): set 'edge_alarm_topic_arn' to a topic there, or 'alarm_email', to be told"
        )
    return topic, edge_topic


def _in_region(key: str, arn: str | None, region: str) -> str | None:
    """An ARN of ``region``'s: a certificate, or an SNS topic an alarm acts on, works only in its own region."""
    if arn and arn.split(":")[3:4] != [region]:
        raise ConfigError(f"context {key!r} is {arn!r}, which is not in {region}: it must be, for what uses it there")
    return arn


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
