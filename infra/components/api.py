"""The HTTP API: one function and one route per manifest line, access-logged and throttled."""

from __future__ import annotations

from aws_cdk import Acknowledgment, Validations
from aws_cdk import aws_apigatewayv2 as apigw
from aws_cdk import aws_logs as logs
from aws_cdk.aws_apigatewayv2_integrations import HttpLambdaIntegration
from constructs import Construct

from infra.components.functions import PortsideFunction, Shared, id_for
from portside.manifest import ROUTES, Route

ACCESS_LOG_FORMAT = (
    '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","time":"$context.requestTime",'
    '"method":"$context.httpMethod","routeKey":"$context.routeKey","status":"$context.status",'
    '"latencyMs":"$context.responseLatency","integrationError":"$context.integrationErrorMessage"}'
)


def _methods(route: Route) -> list[apigw.HttpMethod]:
    if route.method == "ANY":
        return [apigw.HttpMethod.ANY]
    if route.method == "GET":  # HEAD too: mail scanners send it, and it must reach the same read-only handler
        return [apigw.HttpMethod.GET, apigw.HttpMethod.HEAD]
    return [apigw.HttpMethod(route.method)]


class Api(Construct):
    def __init__(self, scope: Construct, construct_id: str, shared: Shared, log_retention: logs.RetentionDays) -> None:
        super().__init__(scope, construct_id)
        self.http_api = apigw.HttpApi(self, "HttpApi", create_default_stage=False, description="Portside")
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
        for route in ROUTES:
            function = PortsideFunction(self, route, shared)
            self.functions[route.name] = function
            integration = HttpLambdaIntegration(f"{id_for(route.name)}Integration", function.function)
            routes = self.http_api.add_routes(path=route.path, methods=_methods(route), integration=integration)
            for added in routes:
                Validations.of(added).acknowledge(
                    Acknowledgment(
                        id="AwsSolutions-APIG4",
                        reason="Partner routes are authorised inside the function by the portal's guard (session "
                        "cookie and permission matrix, from the route manifest); public routes are public by design.",
                    )
                )

    @property
    def url(self) -> str:
        return str(self.http_api.api_endpoint)
