"""The local stream feeder parks a record it cannot read and goes on with the next ones.

The Streams API here is a stand-in that answers as the emulator does, raw JSON first (through the
client's ``before-parse`` event), and fails to parse any answer holding a map with an empty key,
as botocore does with such an item.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from infra.local import streams

ARN, SHARD = "arn:stream", "shard-0"


def record(number: int, image: dict[str, Any]) -> dict[str, Any]:
    return {
        "eventID": f"e{number}",
        "eventName": "INSERT",
        "dynamodb": {"SequenceNumber": str(number), "NewImage": image},
    }


GOOD = {"type": {"S": "OutboxMail"}, "PK": {"S": "a"}, "SK": {"S": "b"}}
BAD = {"type": {"S": "OutboxMail"}, "values": {"M": {"": {"S": "x"}}}}


class Events:
    def __init__(self) -> None:
        self.hooks: list[Callable[..., None]] = []

    def register(self, _name: str, hook: Callable[..., None]) -> None:
        self.hooks.append(hook)

    def unregister(self, _name: str, hook: Callable[..., None]) -> None:
        self.hooks.remove(hook)


class Operation:
    name = "GetRecords"


class StandInStreams:
    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records
        self.meta = type("Meta", (), {"events": Events()})()

    def get_shard_iterator(self, SequenceNumber: str = "0", **_: Any) -> dict[str, str]:
        return {"ShardIterator": SequenceNumber}

    def get_records(self, ShardIterator: str, Limit: int) -> dict[str, Any]:
        after = int(ShardIterator)
        found = [r for r in self.records if int(r["dynamodb"]["SequenceNumber"]) > after][:Limit]
        body = json.dumps({"Records": found}).encode()
        for hook in self.meta.events.hooks:
            hook(operation_model=Operation(), response_dict={"body": body})
        if any("" in r["dynamodb"]["NewImage"].get("values", {}).get("M", {}) for r in found):
            raise ValueError("cannot parse")  # what botocore raises is beside the point: the feeder goes on
        return {"Records": found}


@pytest.mark.parametrize("bad_at", [1, 2, 5])
def test_a_record_that_cannot_be_read_is_parked_and_the_next_ones_flow(
    monkeypatch: pytest.MonkeyPatch, bad_at: int
) -> None:
    stand_in = StandInStreams([record(n, BAD if n == bad_at else GOOD) for n in range(1, 6)])
    monkeypatch.setattr(streams, "client", lambda _name: stand_in)
    delivered: list[str] = []
    feeder = streams.StreamFeeder(
        lambda event, _context: delivered.extend(r["eventID"] for r in event["Records"]) or {},
        lambda: None,
        ("OutboxMail",),
    )
    positions: dict[str, str | None] = {SHARD: "0"}

    retry: list[Any] = []
    for _ in range(10):  # each poll reads on from where the last stopped
        retry = feeder._poll(ARN, positions, retry)

    assert delivered == [f"e{n}" for n in range(1, 6) if n != bad_at]
    assert len(feeder.parked) == 1 and f'"e{bad_at}"' in feeder.parked[0]
    assert positions[SHARD] == "5"
