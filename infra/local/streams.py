"""Feeds the table's stream to a stream worker, as Lambda's event source mapping (and its filter) does.

Records are read with the DynamoDB Streams API and handed to the worker in batches; the
records it reports as failed (by sequence number) are retried as often as the stack's event
source mapping retries them, a second apart. A failed send is not such a failure: the worker
counts it on the outbox item, and the sweeper makes the next attempt, here as on AWS.

A record the Streams API answers but botocore cannot parse (an item the emulator stored and
DynamoDB would have refused, say) must not wedge the shard: the batch is read again one record at
a time, and the record that cannot be read alone is parked (printed, and kept in ``parked`` with
its raw text) while the records after it flow on. On AWS the stack's event source mapping does the
same by retrying, bisecting and sending what still fails to the worker's dead-letter queue.
"""

from __future__ import annotations

import json
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from infra.local.events import LambdaContext
from portside.aws import client
from portside.config import settings
from portside.manifest import STREAM_RETRY_ATTEMPTS


class RawAnswer:
    """The body of the last GetRecords answer, as it came, before botocore parses it."""

    body: bytes = b""

    def keep(self, operation_model: Any, response_dict: dict[str, Any], **_: Any) -> None:
        if operation_model.name == "GetRecords":
            self.body = response_dict.get("body", b"")


class StreamFeeder:
    def __init__(
        self,
        handler: Callable[[dict[str, Any], Any], dict[str, Any]],
        after_batch: Callable[[], object],
        item_types: tuple[str, ...],
    ):
        self._handler = handler
        self._item_types = frozenset(item_types)
        self._after_batch = after_batch
        self.parked: list[str] = []  # the raw text of each record that could not be read
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stream", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        streams = client("dynamodbstreams")
        arn = client("dynamodb").describe_table(TableName=settings().table_name)["Table"]["LatestStreamArn"]
        shards = [shard["ShardId"] for shard in streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]]
        # Start after what is already there (the demo data), like a mapping that starts at LATEST.
        positions = {shard: self._read(arn, shard, None)[1] for shard in shards}
        retry: list[tuple[int, float, dict[str, Any]]] = []
        while not self._stop.is_set():
            try:
                retry = self._poll(arn, positions, retry)
            except Exception:  # the feeder must outlive any one bad poll, as an event source mapping does
                traceback.print_exc()
            self._stop.wait(0.2)

    def _wanted(self, record: dict[str, Any]) -> bool:
        """The stack's filter: new items of the worker's types only."""
        kind = record.get("dynamodb", {}).get("NewImage", {}).get("type", {}).get("S")
        return record.get("eventName") == "INSERT" and kind in self._item_types

    def _read(
        self, arn: str, shard: str, after: str | None, limit: int = 1000
    ) -> tuple[list[dict[str, Any]], str | None]:
        """Records after sequence number ``after`` (from the start for None), and the new position.

        A fresh iterator each time: moto restores a deep copy of its tables when a transaction is
        cancelled, which strands any iterator that was kept open across polls.
        """
        streams, raw = client("dynamodbstreams"), RawAnswer()
        where = (
            {"ShardIteratorType": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": after}
            if after
            else {"ShardIteratorType": "TRIM_HORIZON"}
        )
        iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, **where)["ShardIterator"]
        streams.meta.events.register("before-parse", raw.keep)
        try:
            records = streams.get_records(ShardIterator=iterator, Limit=limit)["Records"]
        except Exception:  # an answer botocore cannot parse: one at a time, parking what cannot be read alone
            if limit > 1:
                return self._read(arn, shard, after, limit=1)
            return [], self._park(raw.body)
        finally:
            streams.meta.events.unregister("before-parse", raw.keep)
        return records, (records[-1]["dynamodb"]["SequenceNumber"] if records else after)

    def _park(self, body: bytes) -> str:
        """Keep the one record of ``body`` for an operator; its sequence number is where reading goes on."""
        text = body.decode("utf-8", "replace")
        record = json.loads(text)["Records"][0]
        self.parked.append(text)
        print(f"[stream] parked record {record.get('eventID')}: it cannot be read; the next ones go on", flush=True)
        return str(record["dynamodb"]["SequenceNumber"])

    def _poll(
        self, arn: str, positions: dict[str, str | None], retry: list[tuple[int, float, dict[str, Any]]]
    ) -> list[tuple[int, float, dict[str, Any]]]:
        """Read new records, add those due for a retry, deliver them; returns what still waits for a retry."""
        batch: list[dict[str, Any]] = []
        for shard, after in positions.items():
            records, positions[shard] = self._read(arn, shard, after)
            batch += [{**record, "eventSourceARN": arn} for record in records if self._wanted(record)]
        now = time.monotonic()
        due = [entry for entry in retry if entry[1] <= now]
        waiting = [entry for entry in retry if entry[1] > now]
        batch += [record for _, _, record in due]
        attempts = {id(record): tries for tries, _, record in due}
        if not batch:
            return waiting
        failures = self._deliver(batch)
        for record in batch:
            if record["dynamodb"]["SequenceNumber"] in failures:
                tries = attempts.get(id(record), 0) + 1
                if tries <= STREAM_RETRY_ATTEMPTS:
                    waiting.append((tries, now + 1.0, record))
                else:
                    print(
                        f"[stream] gave up on {record['eventID']} after {tries} tries; the sweeper takes it", flush=True
                    )
        self._after_batch()
        return waiting

    def _deliver(self, records: list[dict[str, Any]]) -> set[str]:
        try:
            answer = self._handler({"Records": records}, LambdaContext(function_name="portside-mail-sender"))
        except Exception as error:  # a crashed batch is retried whole, as Lambda does
            print(f"[stream] worker failed: {error!r}", flush=True)
            return {record["dynamodb"]["SequenceNumber"] for record in records}
        return {failure["itemIdentifier"] for failure in answer.get("batchItemFailures", [])}
