"""Feeds the table's stream to the mail worker, as Lambda's event source mapping does.

Records are read with the DynamoDB Streams API and handed to the worker in batches; the
records it reports as failed are retried a few times, a second apart.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from infra.local.events import LambdaContext
from portside.aws import client
from portside.config import settings

RETRIES = 3


class StreamFeeder:
    def __init__(self, handler: Callable[[dict[str, Any], Any], dict[str, Any]], after_batch: Callable[[], object]):
        self._handler = handler
        self._after_batch = after_batch
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stream", daemon=True)
        self.idle = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _iterators(self) -> tuple[str, dict[str, str]]:
        arn = client("dynamodb").describe_table(TableName=settings().table_name)["Table"]["LatestStreamArn"]
        streams = client("dynamodbstreams")
        shards = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]
        return arn, {
            shard["ShardId"]: streams.get_shard_iterator(
                StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="LATEST"
            )["ShardIterator"]
            for shard in shards
        }

    def _run(self) -> None:
        arn, iterators = self._iterators()
        streams = client("dynamodbstreams")
        retry: list[tuple[int, float, dict[str, Any]]] = []
        while not self._stop.is_set():
            batch: list[dict[str, Any]] = []
            for shard_id, iterator in list(iterators.items()):
                answer = streams.get_records(ShardIterator=iterator, Limit=100)
                iterators[shard_id] = answer.get("NextShardIterator", iterator)
                batch += [{**record, "eventSourceARN": arn} for record in answer.get("Records", [])]
            now = time.monotonic()
            due = [entry for entry in retry if entry[1] <= now]
            retry = [entry for entry in retry if entry[1] > now]
            batch += [record for _, _, record in due]
            attempts = {id(record): n for n, _, record in due}
            if batch:
                self.idle.clear()
                failures = self._deliver(batch)
                for record in batch:
                    if record["dynamodb"]["SequenceNumber"] in failures:
                        tries = attempts.get(id(record), 0) + 1
                        if tries <= RETRIES:
                            retry.append((tries, now + 1.0, record))
                        else:
                            print(f"[stream] gave up on {record['eventID']} after {tries} tries", flush=True)
                self._after_batch()
            if not retry:
                self.idle.set()
            self._stop.wait(0.2)

    def _deliver(self, records: list[dict[str, Any]]) -> set[str]:
        try:
            answer = self._handler({"Records": records}, LambdaContext(function_name="portside-mail-sender"))
        except Exception as error:  # a crashed batch is retried whole, as Lambda does
            print(f"[stream] worker failed: {error!r}", flush=True)
            return {record["dynamodb"]["SequenceNumber"] for record in records}
        return {failure["itemIdentifier"] for failure in answer.get("batchItemFailures", [])}
