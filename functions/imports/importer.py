"""The import worker, fed by the table's stream: each new import job is run here, never in a web request.

A job the stream delivers twice is run once (the job moves from queued to running conditionally).
A crash is reported per record (``batchItemFailures``) for the stream to retry; a file that is
refused, or rows that are, are not crashes: they are the import's result.
"""

from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord

from portside.imports import runs
from portside.observability import logger, metrics

processor = BatchProcessor(event_type=EventType.DynamoDBStreams, raise_on_entire_batch_failure=False)


def handle_record(record: DynamoDBRecord) -> str:
    image = record.raw_event.get("dynamodb", {}).get("NewImage") or {}
    if record.raw_event.get("eventName") != "INSERT" or image.get("type", {}).get("S") != "ImportJob":
        return "ignored"
    outcome = runs.run((image["PK"]["S"], image["SK"]["S"]))
    metrics.add_metric(name=f"Import_{outcome}", unit="Count", value=1)
    return outcome


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> Any:
    return process_partial_response(event=event, record_handler=handle_record, processor=processor, context=context)
