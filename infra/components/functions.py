"""One Lambda function, built the same way for every route and worker: defaults and grants in one place.

Each function gets a role of its own holding exactly what its manifest line names, plus
writing to its own log group and sending traces. DynamoDB grants name actions one by one:
no Scan is granted anywhere, so the design's "no Scan on a request path" is enforced by IAM.
"""

from __future__ import annotations

from dataclasses import dataclass

from aws_cdk import Acknowledgment, Duration, RemovalPolicy, Stack, Validations
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from constructs import Construct, IConstruct

from infra.components.layer import ROOT
from portside.imports.files import IMPORTS_PREFIX
from portside.manifest import Access, Route, Worker
from portside.storage.documents import DOCUMENTS_PREFIX
from portside.storage.logos import BRAND_PREFIX, UPLOADS_PREFIX

TABLE_READ = ("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:ConditionCheckItem")
TABLE_WRITE = (*TABLE_READ, "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem")
ACTIONS: dict[Access, tuple[str, ...]] = {
    Access.TABLE_READ: TABLE_READ,
    Access.TABLE_WRITE: TABLE_WRITE,
    Access.LOGO_READ: ("s3:GetObject",),
    Access.LOGO_WRITE: ("s3:GetObject", "s3:PutObject"),
    Access.DOCUMENT_UPLOADS: ("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
    Access.DOCUMENT_WRITE: ("s3:PutObject", "s3:DeleteObjectVersion"),
    Access.DOCUMENT_READ: ("s3:GetObject", "s3:GetObjectVersion"),
    Access.IMPORT_FILES: ("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
    Access.MAIL: ("ses:SendRawEmail",),
    # Only creating a pool user for an address the pool does not know: nothing of an existing user, which
    # another tenant may share, is ever changed from a tenant's console (docs/admin-roles.md).
    Access.ADMIN_USERS: ("cognito-idp:AdminCreateUser",),
}
# Object prefixes a grant is confined to: logos never reach documents, nor the reverse.
OBJECT_PREFIXES: dict[Access, tuple[str, ...]] = {
    Access.LOGO_READ: (BRAND_PREFIX,),
    Access.LOGO_WRITE: (UPLOADS_PREFIX, BRAND_PREFIX),
    Access.DOCUMENT_UPLOADS: (UPLOADS_PREFIX,),
    Access.DOCUMENT_WRITE: (DOCUMENTS_PREFIX,),
    Access.DOCUMENT_READ: (DOCUMENTS_PREFIX,),
    Access.IMPORT_FILES: (IMPORTS_PREFIX,),
}
LOG_ACTIONS = ("logs:CreateLogStream", "logs:PutLogEvents")
TRACE_ACTIONS = ("xray:PutTraceSegments", "xray:PutTelemetryRecords")
EDGE_SECRET_ACTIONS = ("secretsmanager:GetSecretValue",)


@dataclass(frozen=True)
class Shared:
    """What every function is built with."""

    table: dynamodb.ITableV2
    bucket: s3.IBucket
    mail_resources: tuple[str, ...]  # ARNs of the SES identity and configuration set
    admin_pool_arn: str  # the admins' user pool
    layer: lambda_.ILayerVersion
    code: lambda_.Code  # the functions/ package, one asset for every function
    environment: dict[str, str]
    log_retention: logs.RetentionDays
    removal: RemovalPolicy
    snap_start: bool = False  # route functions only
    edge_secret_arn: str | None = None  # route functions read it at run time (web/edge_secret.py)


# Initialisation is CPU, and a function's share of a vCPU grows with its memory (a whole one at 1,769 MB):
# a route's cold start at 1,024 MB takes about half what it takes at 512 MB, for about 2% more per
# view (``make bench`` prints both). Workers keep 512 MB: no one waits for their cold start.
ROUTE_MEMORY_MB = 1024
WORKER_MEMORY_MB = 512


def handler_code() -> lambda_.Code:
    """The ``functions/`` package, kept at its path so that handler modules keep their manifest names."""
    return lambda_.Code.from_asset(
        str(ROOT), exclude=["*", ".*", "!functions", "!functions/**", "**/__pycache__", "**/*.pyc"]
    )


def id_for(name: str) -> str:
    """``partner_login_form`` -> ``PartnerLoginForm``: a manifest name as a construct id."""
    return "".join(part.title() for part in name.split("_"))


def _nag_name(scope: IConstruct, arn: str) -> str:
    """An ARN token as cdk-nag names it in findings: ``<Ref>`` or ``<LogicalId.Attribute>``."""
    resolved = Stack.of(scope).resolve(arn)
    if "Ref" in resolved:
        return f"<{resolved['Ref']}>"
    return "<{}.{}>".format(*resolved["Fn::GetAtt"])


class PortsideFunction(Construct):
    def __init__(
        self,
        scope: Construct,
        line: Route | Worker,
        shared: Shared,
        timeout_seconds: int = 10,
        reserved_concurrency: int | None = None,
    ) -> None:
        """The function of one manifest line (a route or a worker), granted exactly the access it names."""
        super().__init__(scope, id_for(line.name))
        self.log_group = logs.LogGroup(self, "Logs", retention=shared.log_retention, removal_policy=shared.removal)
        self.role = iam.Role(
            self, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"), description=line.handler
        )
        self.role.add_to_policy(
            iam.PolicyStatement(actions=list(LOG_ACTIONS), resources=[self.log_group.log_group_arn])
        )
        self.role.add_to_policy(iam.PolicyStatement(actions=list(TRACE_ACTIONS), resources=["*"]))
        if shared.edge_secret_arn and isinstance(line, Route):
            self.role.add_to_policy(
                iam.PolicyStatement(actions=list(EDGE_SECRET_ACTIONS), resources=[shared.edge_secret_arn])
            )
        for needed in line.access:
            self.role.add_to_policy(
                iam.PolicyStatement(actions=list(ACTIONS[needed]), resources=self._resources(needed, shared))
            )
        self._acknowledge(line, shared)
        self.function = lambda_.Function(
            self,
            "Function",
            runtime=lambda_.Runtime.PYTHON_3_13,
            architecture=lambda_.Architecture.ARM_64,
            handler=f"{line.handler}.handler",
            code=shared.code,
            layers=[shared.layer],
            role=self.role,
            tracing=lambda_.Tracing.ACTIVE,
            logging_format=lambda_.LoggingFormat.JSON,
            log_group=self.log_group,
            timeout=Duration.seconds(timeout_seconds),
            memory_size=ROUTE_MEMORY_MB if isinstance(line, Route) else WORKER_MEMORY_MB,
            snap_start=lambda_.SnapStartConf.ON_PUBLISHED_VERSIONS if self._snaps(line, shared) else None,
            environment=shared.environment,
            description=line.handler,
            reserved_concurrent_executions=reserved_concurrency,
        )
        # What API Gateway invokes: with SnapStart, the published version's alias (a snapshot is of a version).
        self.target: lambda_.IFunction = self.function
        if self._snaps(line, shared):
            self.target = lambda_.Alias(self, "Live", alias_name="live", version=self.function.current_version)

    @staticmethod
    def _snaps(line: Route | Worker, shared: Shared) -> bool:
        return shared.snap_start and isinstance(line, Route)

    def _acknowledge(self, line: Route | Worker, shared: Shared) -> None:
        """The findings every function's role raises, each with its reason; the index one only where it applies."""
        Validations.of(self).acknowledge(
            Acknowledgment(
                id="AwsSolutions-IAM5[Resource::*]",
                reason="X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions.",
            ),
            Acknowledgment(
                id="AwsSolutions-L1",
                reason="python3.13, not the newest: see Serverless-LambdaLatestVersion.",
            ),
            Acknowledgment(
                id="Serverless-LambdaLatestVersion",
                reason="python3.13, not the newest: the layer's wheels are locked for it (infra/layer.lock), and a "
                "runtime a year old has wheels of every dependency and the fewest differences from the Python the "
                "tests run on (docs/deploy.md, Python versions).",
            ),
            Acknowledgment(
                id="Serverless-LambdaDLQ",
                reason="Route functions are invoked synchronously by API Gateway, where a Lambda dead-letter queue "
                "never applies; stream workers dead-letter through their event source mapping; scheduled workers "
                "send a failed run to the dead-letter queue as their on-failure destination (which, unlike a "
                "Lambda DLQ, also carries the error), and EventBridge dead-letters a run it cannot deliver.",
            ),
        )
        if {Access.TABLE_READ, Access.TABLE_WRITE} & set(line.access):
            Validations.of(self).acknowledge(
                Acknowledgment(
                    id=f"AwsSolutions-IAM5[Resource::{_nag_name(self, shared.table.table_arn)}/index/*]",
                    reason="Queries on the table's global secondary indexes need the index ARNs; every action "
                    "is named one by one, none is a wildcard.",
                )
            )
        for needed in set(line.access) & set(OBJECT_PREFIXES):
            Validations.of(self).acknowledge(
                *(
                    Acknowledgment(
                        id=f"AwsSolutions-IAM5[Resource::{_nag_name(self, shared.bucket.bucket_arn)}/{prefix}*]",
                        reason="Object keys are generated per tenant and upload under this one prefix; the grant "
                        "names its actions one by one and reaches no other prefix of the bucket.",
                    )
                    for prefix in OBJECT_PREFIXES[needed]
                )
            )

    @staticmethod
    def _resources(needed: Access, shared: Shared) -> list[str]:
        if needed in (Access.TABLE_READ, Access.TABLE_WRITE):
            return [shared.table.table_arn, f"{shared.table.table_arn}/index/*"]
        if needed in OBJECT_PREFIXES:
            return [shared.bucket.arn_for_objects(f"{prefix}*") for prefix in OBJECT_PREFIXES[needed]]
        if needed is Access.ADMIN_USERS:
            return [shared.admin_pool_arn]
        return list(shared.mail_resources)
