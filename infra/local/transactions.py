"""DynamoDB transactions in the emulator without a copy of the whole table per transaction.

moto deep-copies every table a transaction touches before applying it, to roll back on failure:
the cost of one transaction grows with the table, which made the benchmark take half an hour
and its larger data set impossible. DynamoDB's own rule makes the copy unnecessary: a
transaction names each item at most once, and each condition concerns its own item only, so
checking every condition first and then applying every write is the same all-or-nothing. A
write that still fails while applying (an update expression moto refuses) restores the few
items written before it.

The calls and their answers are unchanged: the same requests reach the emulator as reach
DynamoDB, and the same cancellation reasons come back.
"""

from __future__ import annotations

import copy
from typing import Any

from moto.dynamodb.comparisons import get_filter_expression
from moto.dynamodb.exceptions import (
    ConditionalCheckFailed,
    MockValidationException,
    MultipleTransactionsException,
    TooManyTransactionsException,
    TransactionCanceledException,
    TransactWriteSingleOpException,
)
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import Item

OPERATIONS = ("ConditionCheck", "Put", "Delete", "Update")
_original = DynamoDBBackend.transact_write_items


def _key_of(backend: DynamoDBBackend, op_type: str, op: dict[str, Any]) -> dict[str, Any]:
    if op_type != "Put":
        return dict(op["Key"])
    table = backend.get_table(op["TableName"])
    key = {table.hash_key_attr: op["Item"][table.hash_key_attr]}
    if table.range_key_attr is not None:
        key[table.range_key_attr] = op["Item"][table.range_key_attr]
    return key


def _check(backend: DynamoDBBackend, op: dict[str, Any], key: dict[str, Any]) -> tuple[Any, ...]:
    """One operation's cancellation reason, as moto reports it: (None, None, None) when its condition holds."""
    current = backend.get_item(op["TableName"], key)
    expression = op.get("ConditionExpression")
    if expression is None:
        return (None, None, None)
    condition = get_filter_expression(
        expression, op.get("ExpressionAttributeNames"), op.get("ExpressionAttributeValues")
    )
    if condition.expr(current):
        return (None, None, None)
    old = (
        current.to_json()["Attributes"]
        if current and op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD"
        else None
    )
    return ("ConditionalCheckFailed", ConditionalCheckFailed().message, old)


def _apply(backend: DynamoDBBackend, op_type: str, op: dict[str, Any], key: dict[str, Any]) -> None:
    table_name = op["TableName"]
    names, values = op.get("ExpressionAttributeNames") or {}, op.get("ExpressionAttributeValues") or {}
    if op_type == "Put":
        backend.put_item(table_name, op["Item"], expression_attribute_names=names, expression_attribute_values=values)
    elif op_type == "Delete":
        backend.delete_item(table_name, key)
    elif op_type == "Update":
        backend.update_item(
            table_name,
            key,
            update_expression=op["UpdateExpression"],
            expression_attribute_names=names,
            expression_attribute_values=values,
        )


def transact_write_items(self: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
    if len(transact_items) > 100:
        raise TooManyTransactionsException()
    operations: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    seen: set[tuple[str, str]] = set()
    for item in transact_items:
        if len(item) > 1:
            raise TransactWriteSingleOpException
        op_type, op = next(iter(item.items()))
        if op_type not in OPERATIONS:
            raise MockValidationException("Unsupported transaction operation")
        key = _key_of(self, op_type, op)
        named = (str(op["TableName"]), str(dict(sorted(key.items()))))
        if named in seen:
            raise MultipleTransactionsException()
        seen.add(named)
        operations.append((op_type, op, key))

    reasons = [_check(self, op, key) for _, op, key in operations]
    if any(code is not None for code, _, _ in reasons):
        raise TransactionCanceledException(reasons)

    before: list[tuple[str, dict[str, Any], Item | None]] = [
        (op["TableName"], key, copy.deepcopy(self.get_item(op["TableName"], key))) for _, op, key in operations
    ]
    try:
        for op_type, op, key in operations:
            _apply(self, op_type, op, key)
    except Exception:
        for table_name, key, earlier in before:
            if earlier is None:
                self.delete_item(table_name, key)
            else:
                self.put_item(table_name, earlier.to_json()["Attributes"])
        raise


def install() -> None:
    """Use these transactions in every DynamoDB backend of this process (in-process mocks and the server alike)."""
    DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]


def uninstall() -> None:
    DynamoDBBackend.transact_write_items = _original  # type: ignore[method-assign]
