"""The Portside stack: composes the components; each is a construct in ``infra/components/``."""

from __future__ import annotations

from typing import Any

from aws_cdk import Annotations, CfnOutput, Fn, RemovalPolicy, Stack
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from constructs import Construct

from infra.components.api import Api
from infra.components.data import Data
from infra.components.domain import OriginDomain, hosted_zone, portal_records
from infra.components.edge import Edge, EdgeSecret
from infra.components.functions import Shared, handler_code
from infra.components.identity import Identity
from infra.components.layer import SharedLayer
from infra.components.mail import Mail
from infra.components.monitoring import Monitoring
from infra.components.storage import Storage
from infra.components.workers import Workers
from infra.config import DeploymentConfig
from infra.edge_stacks import EdgeStack
from portside.manifest import WORKERS


class PortsideStack(Stack):
    """Everything of the portal's in its region (and CloudFront's distribution, which is global)."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        config: DeploymentConfig,
        edge: EdgeStack | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(scope, construct_id, description=f"Portside partner portal ({config.stage})", **kwargs)
        removal = RemovalPolicy.RETAIN if config.protect_data else RemovalPolicy.DESTROY
        retention = logs.RetentionDays(_retention_name(config.log_retention_days))

        data = Data(self, "Data", config)
        storage = Storage(self, "Storage", config)
        identity = Identity(self, "Identity", config)
        mail = Mail(self, "Mail", config)
        edge_secret = EdgeSecret(self, "EdgeSecret", config.edge_secret_version) if edge is not None else None
        environment = {
            "PORTSIDE_STAGE": config.stage,
            "PORTSIDE_TABLE_NAME": data.table.table_name,
            "PORTSIDE_MAIL_SENDER": config.mail_sender,
            "PORTSIDE_MAIL_CONFIGURATION_SET": mail.configuration_set.configuration_set_name,
            "PORTSIDE_DOCUMENTS_BUCKET": storage.documents.bucket_name,
            "PORTSIDE_ADMIN_POOL_ID": identity.pool.user_pool_id,
            "PORTSIDE_ADMIN_CLIENT_ID": identity.client.user_pool_client_id,
            **identity.sso_environment,
            "POWERTOOLS_SERVICE_NAME": "portside",
            "POWERTOOLS_METRICS_NAMESPACE": "Portside",
            "POWERTOOLS_LOG_LEVEL": "INFO",
        }
        if edge_secret is not None:
            environment["PORTSIDE_EDGE_SECRET_ARN"] = edge_secret.arn  # read at run time, never the value
        shared = Shared(
            table=data.table,
            bucket=storage.documents,
            mail_resources=(
                self.format_arn(service="ses", resource="identity", resource_name=config.mail_domain),
                self.format_arn(
                    service="ses",
                    resource="configuration-set",
                    resource_name=mail.configuration_set.configuration_set_name,
                ),
            ),
            admin_pool_arn=identity.pool.user_pool_arn,
            layer=SharedLayer(self, "SharedLayer", bytecode=config.layer_bytecode, python=config.layer_python).layer,
            code=handler_code(),
            environment=environment,
            log_retention=retention,
            removal=removal,
            snap_start=config.snap_start,
            edge_secret_arn=edge_secret.arn if edge_secret is not None else None,
        )
        api = Api(self, "Api", shared, retention, execute_api=config.origin_domain_name is None)
        workers = Workers(self, "Workers", shared, reserve_concurrency=config.reserve_worker_concurrency)
        self.distribution_id: str | None = None  # for the edge's alarms, in us-east-1
        if edge is not None and edge_secret is not None:
            portal_url = self._edge(config, edge, edge_secret, api, storage.log_bucket)
        else:
            portal_url = api.url
        Monitoring(
            self,
            "Monitoring",
            config,
            api.http_api,
            {**api.functions, **workers.functions},
            workers.dead_letters,
            data.table,
            [workers.functions[worker.name] for worker in WORKERS if worker.source == "table-stream"],
        )

        CfnOutput(self, "PortalUrl", value=portal_url, description="Register it as the tenant's base URL")
        CfnOutput(self, "TableName", value=data.table.table_name)
        CfnOutput(self, "DocumentsBucket", value=storage.documents.bucket_name)
        CfnOutput(self, "AdminUserPoolId", value=identity.pool.user_pool_id)
        CfnOutput(self, "AdminAppClientId", value=identity.client.user_pool_client_id)
        CfnOutput(self, "MailDeadLetterQueue", value=workers.dead_letters.queue_url)

    def _edge(
        self, config: DeploymentConfig, edge: EdgeStack, secret: EdgeSecret, api: Api, log_bucket: s3.IBucket
    ) -> str:
        """CloudFront in front of the API, by ``origin.<domain_name>`` where there is a domain; the portal's URL."""
        zone = hosted_zone(self, config)
        if config.origin_domain_name:
            origin_host = OriginDomain(self, "Domain", config, api.http_api, api.stage, zone).name
        else:
            origin_host = Fn.select(2, Fn.split("/", api.url))
            Annotations.of(self).add_warning_v2(
                "portside:execute-api-open",
                "Without domain_name, CloudFront reaches the API by its execute-api address, which stays open "
                "(requests by it, around the WAF, name no tenant and are answered 404). Set domain_name to close it.",
            )
        distribution = Edge(
            self, "Edge", config, origin_host, log_bucket, secret.reference, edge.web_acl_arn, edge.certificate_arn
        )
        self.distribution_id = distribution.distribution.distribution_id
        if not config.domain_name:
            return distribution.url
        portal_records(self, config.domain_name, distribution.distribution, zone)
        return f"https://{config.domain_name}"


def _retention_name(days: int) -> str:
    """CloudWatch Logs accepts only certain retention periods: the nearest one not shorter than asked."""
    allowed = {
        1: "ONE_DAY",
        3: "THREE_DAYS",
        5: "FIVE_DAYS",
        7: "ONE_WEEK",
        14: "TWO_WEEKS",
        30: "ONE_MONTH",
        60: "TWO_MONTHS",
        90: "THREE_MONTHS",
        120: "FOUR_MONTHS",
        150: "FIVE_MONTHS",
        180: "SIX_MONTHS",
        365: "ONE_YEAR",
        400: "THIRTEEN_MONTHS",
        545: "EIGHTEEN_MONTHS",
        731: "TWO_YEARS",
    }
    return allowed[min((d for d in allowed if d >= days), default=731)]
