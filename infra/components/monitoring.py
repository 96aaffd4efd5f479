"""Alarms and a dashboard: the API's 5xx rate, every function's errors and throttles, the mail stream's delay,
DynamoDB's throttles and errors, dead letters, SES bounces and, with the edge, CloudFront's 5xx and WAF's blocks.

Every alarm goes to its stack's topic, which mails ``alarm_email`` and forwards to ``alarm_topic_arn``
(an on-call tool's topic) where they are set; docs/runbook.md says what each one means and what to do.
CloudFront and WAF publish their metrics in us-east-1 only, and an alarm acts only on a topic of its
own region, so the edge's alarms live in a stack there (``EdgeMonitoring``), with a topic of their own.
Functions are watched in groups of ten (one alarm sums a group's metrics; ten is CloudWatch's limit
of metrics in one alarm's math). One alarm per function and kind would be a hundred alarms, and a
large share of CloudFormation's 500 resources per stack; the dashboard shows which function it was.
"""

from __future__ import annotations

from aws_cdk import Acknowledgment, Duration, Validations
from aws_cdk import aws_apigatewayv2 as apigw
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as actions
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra.components import checkov
from infra.components.functions import PortsideFunction
from infra.config import DeploymentConfig

RUNBOOK = "docs/runbook.md"

FIVE_MINUTES = Duration.minutes(5)
FUNCTIONS_PER_ALARM = 10
API_5XX_PERCENT = 5
SES_BOUNCE_RATE = 0.05  # SES reviews accounts at 5% and may pause sending at 10%
STREAM_DELAY_MS = 5 * 60 * 1000  # a mail waiting five minutes on the stream: sign-in links expire in fifteen
CLOUDFRONT_5XX_PERCENT = 5
WAF_BLOCKED_PERCENT = 20  # of at least WAF_MINIMUM_REQUESTS in five minutes: an attack, or a rule blocking partners
WAF_MINIMUM_REQUESTS = 100
# The operations Portside uses (a math alarm sums at most ten metrics).
TABLE_OPERATIONS = (
    dynamodb.Operation.GET_ITEM,
    dynamodb.Operation.BATCH_GET_ITEM,
    dynamodb.Operation.QUERY,
    dynamodb.Operation.PUT_ITEM,
    dynamodb.Operation.UPDATE_ITEM,
    dynamodb.Operation.DELETE_ITEM,
    dynamodb.Operation.BATCH_WRITE_ITEM,
    dynamodb.Operation.TRANSACT_WRITE_ITEMS,
    dynamodb.Operation.GET_RECORDS,
)


class Alarming:
    """A topic that mails ``email`` and forwards to ``forward_arn``, and the alarms that act on both."""

    def __init__(self, scope: Construct, email: str | None, forward_arn: str | None) -> None:
        self.scope = scope
        self.topic = sns.Topic(scope, "Alarms", enforce_ssl=True)
        checkov.acknowledge(
            self.topic,
            "CKV_AWS_26",
            "Alarm notifications carry no customer data; CloudWatch alarms cannot publish to a topic encrypted "
            "with the AWS managed SNS key.",
        )
        Validations.of(self.topic).acknowledge(
            Acknowledgment(
                id="AwsSolutions-SNS2",
                reason="Alarm notifications carry no customer data; CloudWatch alarms cannot publish to a topic "
                "encrypted with the AWS managed SNS key.",
            )
        )
        if email:
            subscription = self.topic.add_subscription(subscriptions.EmailSubscription(email))
            Validations.of(subscription).acknowledge(
                Acknowledgment(
                    id="Serverless-SNSRedrivePolicy",
                    reason="An e-mail subscription to people: failed deliveries show in SNS's own delivery metrics, "
                    "and a queue of undelivered alarm mails would be read by no one.",
                )
            )
        self.targets: list[sns.ITopic] = [self.topic]
        if forward_arn:
            self.targets.append(sns.Topic.from_topic_arn(scope, "OnCall", forward_arn))
        self.alarms: list[cloudwatch.Alarm] = []

    def alarm(
        self, name: str, metric: cloudwatch.IMetric, threshold: float, description: str, runbook: str = ""
    ) -> None:
        """An alarm to every target, its description ending with its entry in the runbook (by default its name)."""
        alarm = cloudwatch.Alarm(
            self.scope,
            name,
            metric=metric,
            threshold=threshold,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
            alarm_description=f"{description}. What to do: {RUNBOOK}#{(runbook or name).lower()}",
        )
        for target in self.targets:
            alarm.add_alarm_action(actions.SnsAction(target))
        self.alarms.append(alarm)


class Monitoring(Construct):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        config: DeploymentConfig,
        api: apigw.HttpApi,
        functions: dict[str, PortsideFunction],
        dead_letters: sqs.IQueue,
        table: dynamodb.ITableV2,
        stream_workers: list[PortsideFunction],
    ) -> None:
        super().__init__(scope, construct_id)
        alarming = Alarming(self, config.alarm_email, config.alarm_topic_arn)
        alarm = alarming.alarm

        requests = api.metric_count(period=FIVE_MINUTES, statistic="Sum")
        errors = api.metric_server_error(period=FIVE_MINUTES, statistic="Sum")
        error_rate = cloudwatch.MathExpression(
            expression="IF(requests > 0, 100 * errors / requests, 0)",
            using_metrics={"requests": requests, "errors": errors},
            label="API 5xx %",
            period=FIVE_MINUTES,
        )
        alarm("Api5xxRate", error_rate, API_5XX_PERCENT, "API answers more than 5% server errors")
        names = sorted(functions)  # by name, so a feature's move or a new route reorders nothing
        for start in range(0, len(names), FUNCTIONS_PER_ALARM):
            group = names[start : start + FUNCTIONS_PER_ALARM]
            number = start // FUNCTIONS_PER_ALARM + 1
            for kind, metric_of in (("errors", "metric_errors"), ("throttles", "metric_throttles")):
                metrics = {
                    f"m{i}": getattr(functions[n].function, metric_of)(period=FIVE_MINUTES) for i, n in enumerate(group)
                }
                total = cloudwatch.MathExpression(
                    expression=f"SUM([{','.join(metrics)}])", using_metrics=metrics, label=kind, period=FIVE_MINUTES
                )
                alarm(
                    f"Functions{number}-{kind}", total, 0, f"{kind} in: {', '.join(group)}", runbook=f"Functions-{kind}"
                )
        for worker in stream_workers:
            alarm(
                f"StreamDelay-{worker.node.id}",
                worker.function.metric("IteratorAge", period=FIVE_MINUTES, statistic="Maximum"),
                STREAM_DELAY_MS,
                f"{worker.node.id} is more than five minutes behind the table's stream",
                runbook="StreamDelay",
            )
        throttles = cloudwatch.MathExpression(
            expression="reads + writes",
            using_metrics={
                "reads": table.metric("ReadThrottleEvents", period=FIVE_MINUTES, statistic="Sum"),
                "writes": table.metric("WriteThrottleEvents", period=FIVE_MINUTES, statistic="Sum"),
            },
            label="DynamoDB throttles",
            period=FIVE_MINUTES,
        )
        alarm("TableThrottles", throttles, 0, "DynamoDB throttled requests to the table")
        alarm(
            "TableErrors",
            table.metric_system_errors_for_operations(operations=list(TABLE_OPERATIONS), period=FIVE_MINUTES),
            0,
            "DynamoDB answered requests to the table with its own errors (HTTP 500)",
        )
        alarm(
            "DeadLetters",
            dead_letters.metric_approximate_number_of_messages_visible(period=FIVE_MINUTES),
            0,
            "failed worker runs: stream records a worker gave up on, scheduled runs that failed after "
            "Lambda's retries or that EventBridge could not deliver",
        )
        bounce_rate = cloudwatch.Metric(
            namespace="AWS/SES", metric_name="Reputation.BounceRate", period=Duration.hours(1), statistic="Maximum"
        )
        alarm("SesBounceRate", bounce_rate, SES_BOUNCE_RATE, "SES bounce rate above 5%")

        self.dashboard = cloudwatch.Dashboard(self, "Dashboard", dashboard_name=f"portside-{config.stage}")
        self.dashboard.add_widgets(
            cloudwatch.GraphWidget(title="API requests and 5xx", left=[requests, errors], width=12),
            cloudwatch.GraphWidget(title="API 5xx %", left=[error_rate], width=12),
            cloudwatch.GraphWidget(
                title="Function errors",
                left=[functions[name].function.metric_errors(period=FIVE_MINUTES) for name in names],
                width=12,
            ),
            cloudwatch.GraphWidget(
                title="Function duration p95",
                left=[functions[name].function.metric_duration(period=FIVE_MINUTES, statistic="p95") for name in names],
                width=12,
            ),
            cloudwatch.AlarmStatusWidget(title="Alarms", alarms=alarming.alarms, width=24),
        )


class EdgeMonitoring(Construct):
    """CloudFront's 5xx rate and the WAF's blocked rate, alarmed in us-east-1 where their metrics are."""

    def __init__(
        self, scope: Construct, construct_id: str, config: DeploymentConfig, distribution_id: str, web_acl_name: str
    ) -> None:
        super().__init__(scope, construct_id)
        alarming = Alarming(self, config.alarm_email, config.edge_alarm_topic_arn)
        server_errors = cloudwatch.Metric(
            namespace="AWS/CloudFront",
            metric_name="5xxErrorRate",
            dimensions_map={"DistributionId": distribution_id, "Region": "Global"},
            period=FIVE_MINUTES,
            statistic="Average",
        )
        alarming.alarm(
            "CloudFront5xxRate", server_errors, CLOUDFRONT_5XX_PERCENT, "CloudFront answers more than 5% server errors"
        )

        def requests(metric_name: str) -> cloudwatch.Metric:
            return cloudwatch.Metric(
                namespace="AWS/WAFV2",
                metric_name=metric_name,
                dimensions_map={"WebACL": web_acl_name, "Rule": "ALL"},
                period=FIVE_MINUTES,
                statistic="Sum",
            )

        blocked_rate = cloudwatch.MathExpression(
            expression=f"IF(blocked + allowed >= {WAF_MINIMUM_REQUESTS}, 100 * blocked / (blocked + allowed), 0)",
            using_metrics={"blocked": requests("BlockedRequests"), "allowed": requests("AllowedRequests")},
            label="WAF blocked %",
            period=FIVE_MINUTES,
        )
        alarming.alarm("WafBlockedRate", blocked_rate, WAF_BLOCKED_PERCENT, "WAF blocks more than 20% of requests")
