"""Alarms and a dashboard: API 5xx rate, every function's errors and throttles, dead letters, SES bounces.

Functions are watched in groups of ten (one alarm sums a group's metrics; ten is CloudWatch's limit
of metrics in one alarm's math). One alarm per function and kind would be a hundred alarms, and a
large share of CloudFormation's 500 resources per stack; the dashboard shows which function it was.
"""

from __future__ import annotations

from aws_cdk import Acknowledgment, Duration, Validations
from aws_cdk import aws_apigatewayv2 as apigw
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as actions
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra.components.functions import PortsideFunction
from infra.config import DeploymentConfig

FIVE_MINUTES = Duration.minutes(5)
FUNCTIONS_PER_ALARM = 10
API_5XX_PERCENT = 5
SES_BOUNCE_RATE = 0.05  # SES reviews accounts at 5% and may pause sending at 10%


class Monitoring(Construct):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        config: DeploymentConfig,
        api: apigw.HttpApi,
        functions: dict[str, PortsideFunction],
        dead_letters: sqs.IQueue,
    ) -> None:
        super().__init__(scope, construct_id)
        self.topic = sns.Topic(self, "Alarms", enforce_ssl=True)
        Validations.of(self.topic).acknowledge(
            Acknowledgment(
                id="AwsSolutions-SNS2",
                reason="Alarm notifications carry no customer data; CloudWatch alarms cannot publish to a topic "
                "encrypted with the AWS managed SNS key.",
            )
        )
        if config.alarm_email:
            subscription = self.topic.add_subscription(subscriptions.EmailSubscription(config.alarm_email))
            Validations.of(subscription).acknowledge(
                Acknowledgment(
                    id="Serverless-SNSRedrivePolicy",
                    reason="An e-mail subscription to people: failed deliveries show in SNS's own delivery metrics, "
                    "and a queue of undelivered alarm mails would be read by no one.",
                )
            )
        self.alarms: list[cloudwatch.Alarm] = []

        requests = api.metric_count(period=FIVE_MINUTES, statistic="Sum")
        errors = api.metric_server_error(period=FIVE_MINUTES, statistic="Sum")
        error_rate = cloudwatch.MathExpression(
            expression="IF(requests > 0, 100 * errors / requests, 0)",
            using_metrics={"requests": requests, "errors": errors},
            label="API 5xx %",
            period=FIVE_MINUTES,
        )
        self._alarm("Api5xxRate", error_rate, API_5XX_PERCENT, "API answers more than 5% server errors")
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
                self._alarm(f"Functions{number}-{kind}", total, 0, f"{kind} in: {', '.join(group)}")
        self._alarm(
            "DeadLetters",
            dead_letters.metric_approximate_number_of_messages_visible(period=FIVE_MINUTES),
            0,
            "stream records the mail worker gave up on",
        )
        bounce_rate = cloudwatch.Metric(
            namespace="AWS/SES", metric_name="Reputation.BounceRate", period=Duration.hours(1), statistic="Maximum"
        )
        self._alarm("SesBounceRate", bounce_rate, SES_BOUNCE_RATE, "SES bounce rate above 5%")

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
            cloudwatch.AlarmStatusWidget(title="Alarms", alarms=self.alarms, width=24),
        )

    def _alarm(self, name: str, metric: cloudwatch.IMetric, threshold: float, description: str) -> None:
        alarm = cloudwatch.Alarm(
            self,
            name,
            metric=metric,
            threshold=threshold,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
            alarm_description=description,
        )
        alarm.add_alarm_action(actions.SnsAction(self.topic))
        self.alarms.append(alarm)
