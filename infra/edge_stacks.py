"""The stacks CloudFront makes live in us-east-1, whatever region the portal runs in.

CloudFront accepts a WAF web ACL and a certificate only from us-east-1, and publishes its metrics
(and the WAF's) only there. So with the edge on, a deployment is three stacks: ``EdgeStack``
(the web ACL and the portal's certificate), then the portal's own stack in its region (which
holds the distribution, a global resource, and all data), then ``EdgeAlarmsStack`` (the
distribution's and the WAF's alarms, with a topic of their own, since an alarm can act only on a
topic of its region). Values cross between them by the CDK's cross-region references, which keep
each in an SSM parameter of the reading stack's region, written by a small function of the CDK's.
"""

from __future__ import annotations

from typing import Any

from aws_cdk import Stack
from constructs import Construct

from infra.components.domain import certificate, hosted_zone
from infra.components.firewall import Firewall, web_acl_name_for
from infra.components.monitoring import EdgeMonitoring
from infra.config import DeploymentConfig


class EdgeStack(Stack):
    """The WAF web ACL, and the certificate for ``domain_name`` (created unless ``certificate_arn`` names one)."""

    def __init__(self, scope: Construct, construct_id: str, config: DeploymentConfig, **kwargs: Any) -> None:
        super().__init__(
            scope, construct_id, description=f"Portside edge: WAF and certificate ({config.stage})", **kwargs
        )
        self.web_acl_arn = Firewall(self, "Firewall", config.stage).web_acl.attr_arn
        self.certificate_arn = config.certificate_arn
        if config.domain_name and not config.certificate_arn:
            made = certificate(self, "Certificate", config.domain_name, None, hosted_zone(self, config))
            self.certificate_arn = made.certificate_arn


class EdgeAlarmsStack(Stack):
    """CloudFront's and the WAF's alarms, in the region where their metrics are."""

    def __init__(
        self, scope: Construct, construct_id: str, config: DeploymentConfig, distribution_id: str, **kwargs: Any
    ) -> None:
        super().__init__(scope, construct_id, description=f"Portside edge alarms ({config.stage})", **kwargs)
        EdgeMonitoring(self, "Monitoring", config, distribution_id, web_acl_name_for(config.stage))
