"""CloudFront in front of the API, behind the WAF web ACL of the edge stack (``infra/edge_stacks.py``).

API Gateway only answers requests for its own host, so CloudFront sends it that host (its
``origin.<domain_name>``, or the execute-api address without a domain); the viewer's host (which
names the tenant) and address travel in ``x-viewer-host`` and ``x-viewer-ip``, which a
viewer-request function overwrites on every request.
"""

from __future__ import annotations

from aws_cdk import Acknowledgment, SecretValue, Validations
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from infra.components import checkov
from infra.config import DeploymentConfig

VIEWER_HEADERS = """
function handler(event) {
  var request = event.request;
  request.headers['x-viewer-host'] = { value: request.headers.host.value };
  request.headers['x-viewer-ip'] = { value: event.viewer.ip };
  return request;
}
"""


class EdgeSecret(Construct):
    """A random value CloudFront adds to every request it forwards, and the portal checks.

    CloudFront gets it as a ``{{resolve:secretsmanager:...}}`` reference resolved at deploy time, of
    the version ``edge_secret_version`` names (so that a deploy after a rotation changes the
    distribution and CloudFormation resolves it again); the functions get only the secret's ARN and
    read its current and previous values at run time. The value is in no template, code or function
    configuration. A request that reaches API Gateway's own address without it keeps API Gateway's
    host, which names no tenant.
    """

    def __init__(self, scope: Construct, construct_id: str, version_id: str | None = None) -> None:
        super().__init__(scope, construct_id)
        self.secret = secretsmanager.Secret(
            self,
            "Secret",
            description="Portside: proves a request came through CloudFront",
            generate_secret_string=secretsmanager.SecretStringGenerator(exclude_punctuation=True, password_length=48),
        )
        Validations.of(self.secret).acknowledge(
            Acknowledgment(
                id="AwsSolutions-SMG4",
                reason="Rotation is a new value put with `aws secretsmanager put-secret-value`, then a deploy with "
                "-c edge_secret_version=<its VersionId> that hands it to CloudFront; the functions accept the "
                "current and the previous value meanwhile (docs/deploy.md). No rotation Lambda applies.",
            )
        )
        checkov.acknowledge(
            self.secret,
            "CKV_AWS_149",
            "One random header value with no other use, encrypted with Secrets Manager's own key; a customer key "
            "would add a key to rotate and protect nothing more.",
        )
        self.arn = self.secret.secret_arn
        chosen = SecretValue.secrets_manager(self.secret.secret_arn, version_id=version_id) if version_id else None
        self.reference = (chosen or self.secret.secret_value).unsafe_unwrap()  # for CloudFront's origin header


class Edge(Construct):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        config: DeploymentConfig,
        origin_host: str,
        log_bucket: s3.IBucket,
        edge_secret: str,
        web_acl_arn: str,
        certificate_arn: str | None,
    ) -> None:
        super().__init__(scope, construct_id)
        viewer_headers = cloudfront.Function(
            self,
            "ViewerHeaders",
            code=cloudfront.FunctionCode.from_inline(VIEWER_HEADERS),
            runtime=cloudfront.FunctionRuntime.JS_2_0,
        )
        certificate = (
            acm.Certificate.from_certificate_arn(self, "Certificate", certificate_arn) if certificate_arn else None
        )
        self.distribution = cloudfront.Distribution(
            self,
            "Distribution",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.HttpOrigin(origin_host, custom_headers={"x-origin-verify": edge_secret}),
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                allowed_methods=cloudfront.AllowedMethods.ALLOW_ALL,
                cache_policy=cloudfront.CachePolicy.CACHING_DISABLED,
                origin_request_policy=cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
                function_associations=[
                    cloudfront.FunctionAssociation(
                        function=viewer_headers, event_type=cloudfront.FunctionEventType.VIEWER_REQUEST
                    )
                ],
            ),
            domain_names=[config.domain_name] if config.domain_name else None,
            certificate=certificate,
            minimum_protocol_version=cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 if certificate else None,
            web_acl_id=web_acl_arn,
            enable_logging=True,
            log_bucket=log_bucket,
            log_file_prefix="cloudfront/",
        )
        Validations.of(self.distribution).acknowledge(
            Acknowledgment(id="AwsSolutions-CFR1", reason="Partners sign in from any country; no geo restriction.")
        )
        if certificate is None:
            checkov.acknowledge(
                self.distribution,
                "CKV_AWS_174",
                "Without a custom domain CloudFront serves its default certificate, whose security policy cannot be "
                "set. Give domain_name to get TLSv1.2_2021.",
            )
            Validations.of(self.distribution).acknowledge(
                Acknowledgment(
                    id="AwsSolutions-CFR4",
                    reason="Without a custom domain CloudFront serves its default certificate, whose security policy "
                    "cannot be set. Give domain_name to get TLSv1.2_2021.",
                )
            )

    @property
    def url(self) -> str:
        return f"https://{self.distribution.distribution_domain_name}"
