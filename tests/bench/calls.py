"""Every AWS call of every botocore client (PynamoDB's included): counted, timed, and its DynamoDB capacity estimated.

Capacity follows DynamoDB's billing rules on the sizes seen: a read is 0.5 unit per 4 KB read
(1 if strongly consistent), a write 1 unit per 1 KB written, twice that inside a transaction.
Sizes are those of the items as JSON, a little above DynamoDB's own count.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from typing import Any

WRITES = {"PutItem": "Item", "UpdateItem": "Key", "DeleteItem": "Key"}


def _size(item: dict[str, Any] | None) -> int:
    return len(json.dumps(item, default=str)) if item else 0


def _read_units(sizes: list[int], consistent: bool) -> float:
    per_item = [max(1, math.ceil(size / 4096)) for size in sizes] or [1]
    return sum(per_item) * (1.0 if consistent else 0.5)


def _write_units(item: dict[str, Any] | None) -> float:
    return float(max(1, math.ceil(_size(item) / 1024)))


class CallCounter:
    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.seconds = 0.0
        self.read_units = 0.0
        self.write_units = 0.0
        import botocore.client

        original = botocore.client.BaseClient._make_api_call
        counter = self

        def counted(client: Any, operation: str, params: dict[str, Any]) -> Any:
            service = client.meta.service_model.service_name
            counter.calls[f"{service}:{operation}"] += 1
            started = time.perf_counter()
            try:
                result = original(client, operation, params)
            finally:
                counter.seconds += time.perf_counter() - started
            if service == "dynamodb":
                counter._add_capacity(operation, params, result)
            return result

        botocore.client.BaseClient._make_api_call = counted  # type: ignore[method-assign]
        self._original = original

    def stop(self) -> None:
        """Count no more: botocore's own call again (a test's counter must not outlive the test)."""
        import botocore.client

        botocore.client.BaseClient._make_api_call = self._original  # type: ignore[method-assign]

    @property
    def dynamodb_round_trips(self) -> int:
        return sum(count for call, count in self.calls.items() if call.startswith("dynamodb:"))

    def _add_capacity(self, operation: str, params: dict[str, Any], result: dict[str, Any]) -> None:
        consistent = bool(params.get("ConsistentRead"))
        if operation == "GetItem":
            self.read_units += _read_units([_size(result.get("Item"))], consistent)
        elif operation in ("Query", "Scan"):
            self.read_units += _read_units([sum(_size(item) for item in result.get("Items", []))], consistent)
        elif operation == "BatchGetItem":
            items = [item for found in result.get("Responses", {}).values() for item in found]
            self.read_units += _read_units([_size(item) for item in items], consistent)
        elif operation in WRITES:
            self.write_units += _write_units(params.get(WRITES[operation]))
        elif operation == "TransactWriteItems":
            for entry in params.get("TransactItems", []):
                (kind, op), *_ = entry.items()
                if kind == "ConditionCheck":
                    self.read_units += 2 * _read_units([_size(op.get("Key"))], True)
                else:
                    self.write_units += 2 * _write_units(op.get("Item") or op.get("Key"))
        elif operation == "BatchWriteItem":
            for requests in params.get("RequestItems", {}).values():
                for request in requests:
                    written = request.get("PutRequest") or request["DeleteRequest"]
                    self.write_units += _write_units(written.get("Item") or written.get("Key"))

    def reset(self) -> None:
        self.calls.clear()
        self.seconds = 0.0
        self.read_units = 0.0
        self.write_units = 0.0
