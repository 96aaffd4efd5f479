"""The portal's own domain: certificates, API Gateway's ``origin.<domain_name>`` and the DNS records.

CloudFront reaches API Gateway by a custom domain of the API's (``origin.<domain_name>``) rather than
its execute-api address, so that address can be switched off: nothing reaches the API around the
WAF but that name, and a request by it without the edge secret names no tenant. Certificates are
DNS-validated, by the hosted zone when one is named (Route 53 then also gets the portal's and the
origin's alias records); without a zone, the deploy waits until the operator adds the validation
records ACM shows, and the stack's outputs name the records to add (docs/deploy.md).
"""

from __future__ import annotations

from aws_cdk import CfnOutput
from aws_cdk import aws_apigatewayv2 as apigw
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_route53 as route53
from aws_cdk import aws_route53_targets as targets
from constructs import Construct

from infra.config import DeploymentConfig


def hosted_zone(scope: Construct, config: DeploymentConfig) -> route53.IHostedZone | None:
    """The named Route 53 zone (by its id and name: a lookup would need AWS credentials at synth)."""
    if not (config.hosted_zone_id and config.hosted_zone_name):
        return None
    return route53.HostedZone.from_hosted_zone_attributes(
        scope, "Zone", hosted_zone_id=config.hosted_zone_id, zone_name=config.hosted_zone_name
    )


def certificate(
    scope: Construct, construct_id: str, domain_name: str, imported_arn: str | None, zone: route53.IHostedZone | None
) -> acm.ICertificate:
    """The certificate given by ARN, or one ACM issues for ``domain_name`` once its DNS record is in place."""
    if imported_arn:
        return acm.Certificate.from_certificate_arn(scope, construct_id, imported_arn)
    validation = acm.CertificateValidation.from_dns(zone) if zone else acm.CertificateValidation.from_dns()
    return acm.Certificate(scope, construct_id, domain_name=domain_name, validation=validation)


class OriginDomain(Construct):
    """``origin.<domain_name>`` on API Gateway, in the portal's region, mapped to the API's one stage."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        config: DeploymentConfig,
        api: apigw.HttpApi,
        stage: apigw.IStage,
        zone: route53.IHostedZone | None,
    ) -> None:
        super().__init__(scope, construct_id)
        assert config.origin_domain_name, "an origin domain needs the portal's domain and the edge"
        self.name = config.origin_domain_name
        self.domain = apigw.DomainName(
            self,
            "Domain",
            domain_name=self.name,
            certificate=certificate(self, "Certificate", self.name, config.origin_certificate_arn, zone),
            security_policy=apigw.SecurityPolicy.TLS_1_2,
        )
        apigw.ApiMapping(self, "Mapping", api=api, domain_name=self.domain, stage=stage)
        if zone is not None:
            route53.ARecord(
                self,
                "Record",
                zone=zone,
                record_name=self.name,
                target=route53.RecordTarget.from_alias(
                    targets.ApiGatewayv2DomainProperties(
                        self.domain.regional_domain_name, self.domain.regional_hosted_zone_id
                    )
                ),
            )
        else:
            CfnOutput(
                scope,
                "OriginDnsRecord",
                value=f"{self.name} CNAME {self.domain.regional_domain_name}",
                description="Add this record to the portal's DNS zone: CloudFront reaches the API by it",
            )


def portal_records(
    scope: Construct, domain_name: str, distribution: cloudfront.IDistribution, zone: route53.IHostedZone | None
) -> None:
    """The portal's name pointed at CloudFront: alias records in the zone, or an output saying what to add."""
    if zone is None:
        CfnOutput(
            scope,
            "PortalDnsRecord",
            value=f"{domain_name} CNAME {distribution.distribution_domain_name}",
            description="Add this record to the portal's DNS zone (an alias record where the zone is Route 53's)",
        )
        return
    alias = route53.RecordTarget.from_alias(targets.CloudFrontTarget(distribution))
    route53.ARecord(scope, "PortalRecord", zone=zone, record_name=domain_name, target=alias)
    route53.AaaaRecord(scope, "PortalRecordV6", zone=zone, record_name=domain_name, target=alias)
