"""The mail worker, fed by the table's stream: new outbox items and new sign-in link requests.

Each new outbox item gets its first attempt at once; each request for a sign-in link is fulfilled
(``sign_in.asking``), which writes the outbox item of its mail; each document announcement
becomes one outbox item per contact who may see the document (``documents.announcements``).

A failed send is counted on the item and left to the sweeper; only a crash (the table out of
reach, say) is reported per record (``batchItemFailures``) for the stream to retry, and even a
record the stream gives up on leaves its item in the pending list for the sweeper.
"""

from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord

from portside.documents import announcements
from portside.mail.delivery import deliver
from portside.observability import logger, metrics
from portside.sign_in import asking

# Failures are always reported per record (the event source mapping uses ReportBatchItemFailures),
# even when every record of the batch failed.
processor = BatchProcessor(event_type=EventType.DynamoDBStreams, raise_on_entire_batch_failure=False)


# One per manifest.STREAM_ITEM_TYPES (a test checks): the stack's stream filter lets exactly these through.
HANDLERS = {
    "OutboxMail": deliver,
    "SignInRequest": asking.fulfil,
    "DocumentAnnouncement": announcements.fulfil,
}


def handle_record(record: DynamoDBRecord) -> str:
    image = record.raw_event.get("dynamodb", {}).get("NewImage") or {}
    handle = HANDLERS.get(image.get("type", {}).get("S", ""))
    if record.raw_event.get("eventName") != "INSERT" or handle is None:
        return "ignored"
    return handle((image["PK"]["S"], image["SK"]["S"]))


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> Any:
    return process_partial_response(event=event, record_handler=handle_record, processor=processor, context=context)
