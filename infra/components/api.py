"""The HTTP API: one function and one route per manifest line, access-logged and throttled.

The routes live in nested stacks, by audience (public, partner, admin, api). CloudFormation allows
500 resources in a stack and each route costs about nine to eleven (function, role, policy, log
group, integration, routes and invoke permissions; with SnapStart a version and an alias); a
nested stack counts as one resource of its parent and has 500 of its own. Each route's stack is
recorded when the route is added and never changes (``infra/placement.py``): moving a route between
stacks would make CloudFormation create its API route in one before deleting it from the other,
and fail. An audience gets a new stack when its last one is full.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aws_cdk import Acknowledgment, CfnParameter, NestedStack, Validations
from aws_cdk import aws_apigatewayv2 as apigw
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk.aws_apigatewayv2_integrations import HttpLambdaIntegration
from constructs import Construct

from infra.components.functions import PortsideFunction, Shared, handler_code, id_for
from infra.placement import recorded, stack_of, stacks_of
from portside.manifest import ROUTES, Audience, Route

ACCESS_LOG_FORMAT = (
    '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","time":"$context.requestTime",'
    '"method":"$context.httpMethod","routeKey":"$context.routeKey","status":"$context.status",'
    '"latencyMs":"$context.responseLatency","integrationError":"$context.integrationErrorMessage"}'
)


class SharedIntegration(HttpLambdaIntegration):
    """One integration for a route's GET and HEAD. Its invoke permission names any method on the route's path,
    so the first route bound adds it and the second needs none: one resource a route fewer in a stack that
    CloudFormation caps at 500."""

    def __init__(self, construct_id: str, handler: Any) -> None:
        super().__init__(construct_id, handler)
        self._permitted = False

    def _complete_bind(self, *, route: apigw.IHttpRoute, scope: Construct) -> None:
        if not self._permitted:
            self._permitted = True
            super()._complete_bind(route=route, scope=scope)


def _methods(route: Route) -> list[str]:
    if route.method == "GET":  # HEAD too: mail scanners send it, and it must reach the same read-only handler
        return ["GET", "HEAD"]
    return [route.method]


class Api(Construct):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        shared: Shared,
        log_retention: logs.RetentionDays,
        execute_api: bool = True,  # off when CloudFront reaches the API by a domain of its own
    ) -> None:
        super().__init__(scope, construct_id)
        self.http_api = apigw.HttpApi(
            self,
            "HttpApi",
            create_default_stage=False,
            description="Portside",
            disable_execute_api_endpoint=not execute_api,
        )
        access_logs = logs.LogGroup(self, "AccessLogs", retention=log_retention, removal_policy=shared.removal)
        self.stage = apigw.HttpStage(
            self,
            "Stage",
            http_api=self.http_api,
            stage_name="$default",
            auto_deploy=True,
            throttle=apigw.ThrottleSettings(rate_limit=200, burst_limit=400),
        )
        cfn_stage = self.stage.node.default_child
        assert isinstance(cfn_stage, apigw.CfnStage)
        cfn_stage.access_log_settings = apigw.CfnStage.AccessLogSettingsProperty(
            destination_arn=access_logs.log_group_arn, format=ACCESS_LOG_FORMAT
        )
        self.functions: dict[str, PortsideFunction] = {}
        placed = recorded()
        for audience in Audience:
            count = stacks_of(audience, placed)
            for number in range(count):
                name = f"{audience.value.title()}Routes{number + 1 if number else ''}"
                routes = RouteStack(self, name, self.http_api, audience, (number, count), placed, shared)
                self.functions |= routes.functions

    @property
    def url(self) -> str:
        return str(self.http_api.api_endpoint)


class RouteStack(NestedStack):
    """The functions and API routes of one audience's manifest lines (those ``stack_of`` puts in ``number``)."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        http_api: apigw.IHttpApi,
        audience: Audience,
        numbered: tuple[int, int],  # this stack's number, of how many the audience has
        placed: dict[str, int],
        shared: Shared,
    ) -> None:
        number, count = numbered
        super().__init__(
            scope,
            construct_id,
            description=f"Portside {audience.value} routes ({number + 1} of {count})",
            parameters={"TableArn": shared.table.table_arn, "BucketArn": shared.bucket.bucket_arn},
        )
        # Named parameters rather than CDK's generated ones, so that acknowledged findings name them plainly.
        table_arn = CfnParameter(self, "TableArn").value_as_string
        bucket_arn = CfnParameter(self, "BucketArn").value_as_string
        shared = replace(
            shared,
            table=dynamodb.TableV2.from_table_arn(self, "Table", table_arn),
            bucket=s3.Bucket.from_bucket_arn(self, "Bucket", bucket_arn),
            code=handler_code(),  # an asset belongs to one stack
        )
        self.functions: dict[str, PortsideFunction] = {}
        for route in (route for route in ROUTES if route.audience is audience and stack_of(route, placed) == number):
            function = PortsideFunction(self, route, shared)
            self.functions[route.name] = function
            integration = SharedIntegration(f"{id_for(route.name)}Integration", function.target)
            for method in _methods(route):
                added = apigw.HttpRoute(
                    self,
                    f"{id_for(route.name)}{method.title()}",
                    http_api=http_api,
                    route_key=apigw.HttpRouteKey.with_(route.path, apigw.HttpMethod(method)),
                    integration=integration,
                )
                Validations.of(added).acknowledge(
                    Acknowledgment(
                        id="AwsSolutions-APIG4",
                        reason="Partner routes are authorised inside the function by the portal's guard (session "
                        "cookie and permission matrix, from the route manifest); public routes are public by design.",
                    )
                )
