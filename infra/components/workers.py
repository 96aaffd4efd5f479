"""The workers of the manifest: stream consumers (the outbox mail worker) and daily jobs.

A ``table-stream`` worker reads new outbox items with bisecting retries and a dead-letter
queue; a ``schedule`` worker runs every few minutes (the outbox sweeper) or once a day
(reminders: deal protection ending, certifications expiring). EventBridge invokes it
asynchronously: a run EventBridge cannot deliver is retried by EventBridge and then
dead-lettered by its target, and a run that fails in the function is retried twice by Lambda and
then sent to the same queue as the function's on-failure destination. So every failure of every
worker ends in the one dead-letter queue, which an alarm watches.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aws_cdk import Acknowledgment, Duration, Validations
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_destinations as destinations
from aws_cdk import aws_lambda_event_sources as sources
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra.components import checkov
from infra.components.functions import PortsideFunction, Shared, id_for
from portside.manifest import STREAM_RETRY_ATTEMPTS, WORKERS

DAILY_HOUR_UTC = 5  # before the working day in Europe, after it in the Americas
# Concurrency each worker keeps for itself and may not pass, so that no worker takes the account's concurrency
# from the partner pages: a stream worker runs one batch per shard at a time, a scheduled job one run at a time.
STREAM_WORKER_CONCURRENCY = 5
SCHEDULED_WORKER_CONCURRENCY = 1
SCHEDULED_RETRIES = 2  # Lambda's own retries of a failed run, and EventBridge's of an undelivered one


def inserts_of(item_types: tuple[str, ...]) -> Mapping[str, Any]:
    """Only new items of a worker's types wake it: the stream carries every item type."""
    return lambda_.FilterCriteria.filter(
        {
            "eventName": lambda_.FilterRule.is_equal("INSERT"),
            "dynamodb": {"NewImage": {"type": {"S": lambda_.FilterRule.or_(*item_types)}}},
        }
    )


class Workers(Construct):
    def __init__(self, scope: Construct, construct_id: str, shared: Shared, reserve_concurrency: bool = True) -> None:
        super().__init__(scope, construct_id)
        self.dead_letters = sqs.Queue(
            self,
            "DeadLetters",
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=Duration.days(14),
        )
        checkov.acknowledge(
            self.dead_letters,
            "CKV_AWS_27",
            "Encrypted at rest with SQS-managed keys (SqsManagedSseEnabled); the check looks for a KMS key only.",
        )
        Validations.of(self.dead_letters).acknowledge(
            Acknowledgment(id="AwsSolutions-SQS3", reason="This queue is itself the dead-letter queue of the workers."),
            Acknowledgment(id="Serverless-SQSRedrivePolicy", reason="This queue is itself the dead-letter queue."),
        )
        self.functions: dict[str, PortsideFunction] = {}
        for worker in WORKERS:
            reserved = STREAM_WORKER_CONCURRENCY if worker.source == "table-stream" else SCHEDULED_WORKER_CONCURRENCY
            function = PortsideFunction(
                self,
                worker,
                shared,
                timeout_seconds=worker.timeout_seconds,
                reserved_concurrency=reserved if reserve_concurrency else None,
            )
            if worker.source == "table-stream":
                function.function.add_event_source(
                    sources.DynamoEventSource(
                        shared.table,
                        starting_position=lambda_.StartingPosition.LATEST,
                        batch_size=10,
                        bisect_batch_on_error=True,
                        retry_attempts=STREAM_RETRY_ATTEMPTS,
                        max_record_age=Duration.hours(6),
                        report_batch_item_failures=True,
                        on_failure=sources.SqsDlq(self.dead_letters),
                        filters=[inserts_of(worker.item_types)],
                    )
                )
            elif worker.source == "schedule":
                if worker.every_minutes:
                    schedule = events.Schedule.rate(Duration.minutes(worker.every_minutes))
                    description = f"{worker.name}, every {worker.every_minutes} minutes"
                else:
                    schedule = events.Schedule.cron(minute="0", hour=str(DAILY_HOUR_UTC))
                    description = f"{worker.name}, once a day"
                function.function.configure_async_invoke(
                    on_failure=destinations.SqsDestination(self.dead_letters),
                    retry_attempts=SCHEDULED_RETRIES,
                    max_event_age=Duration.hours(6),
                )
                events.Rule(
                    self,
                    f"{id_for(worker.name)}{'Schedule' if worker.every_minutes else 'Daily'}",
                    description=description,
                    schedule=schedule,
                    targets=[
                        targets.LambdaFunction(
                            function.function, dead_letter_queue=self.dead_letters, retry_attempts=SCHEDULED_RETRIES
                        )
                    ],
                )
            else:
                raise ValueError(f"worker {worker.name}: unknown source {worker.source!r}")
            self.functions[worker.name] = function
