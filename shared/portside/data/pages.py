"""Lists, one DynamoDB page at a time: a page costs one Query whatever the size of the tenant.

The cursor is DynamoDB's own LastEvaluatedKey, made URL-safe. It is checked before use: a
cursor must start inside the very partition being listed, so an edited cursor can never
reach into another tenant's (or another list's) items.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pynamodb.expressions.condition import Condition

from portside.data.base import PortsideItem
from portside.errors import InvalidInput

Item = TypeVar("Item", bound=PortsideItem)
MAX_CURSOR_CHARS = 2000
INDEX_KEYS = {None: "PK", "GSI1": "GSI1PK", "GSI2": "GSI2PK"}
# A page of an index ends at an item's table key and index key: a cursor holds exactly these.
CURSOR_KEYS = {
    None: frozenset({"PK", "SK"}),
    "GSI1": frozenset({"PK", "SK", "GSI1PK", "GSI1SK"}),
    "GSI2": frozenset({"PK", "SK", "GSI2PK", "GSI2SK"}),
}


@dataclass(frozen=True)
class Page(Generic[Item]):
    items: list[Item]
    cursor: str | None  # where the next page starts; None on the last page


def encode_cursor(key: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, index: str | None, partition: str) -> dict[str, Any]:
    problem = InvalidInput({"cursor": "This page link is broken. Go back to the first page."})
    if len(cursor) > MAX_CURSOR_CHARS:
        raise problem
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError) as error:
        raise problem from error
    valid = (
        isinstance(key, dict)
        and set(key) == CURSOR_KEYS[index]
        and all(
            isinstance(value, dict) and set(value) == {"S"} and isinstance(value["S"], str) for value in key.values()
        )
        and key.get(INDEX_KEYS[index]) == {"S": partition}
    )
    if not valid:
        raise problem
    return key


def query_page(
    model: type[Item],
    partition: str,
    range_condition: Condition | None = None,
    *,
    index: str | None = None,
    limit: int = 25,
    cursor: str | None = None,
    newest_first: bool = False,
    filter_condition: Condition | None = None,
) -> Page[Item]:
    """One page of ``model`` items in ``partition`` (of the table, or of ``index``), in key order.

    With a filter, DynamoDB reads ``limit`` items and returns those that pass: a page may hold
    fewer, even none, and still have a next page.
    """
    source: Any = model if index is None else getattr(model, index.lower())
    start = decode_cursor(cursor, index, partition) if cursor else None
    results = source.query(
        partition,
        range_condition,
        filter_condition=filter_condition,
        limit=limit,
        page_size=limit,
        scan_index_forward=not newest_first,
        last_evaluated_key=start,
    )
    raw = next(results.page_iter)
    last_key = raw.get("LastEvaluatedKey")
    return Page(
        [model.from_raw_data(item) for item in raw.get("Items", [])], encode_cursor(last_key) if last_key else None
    )
