"""One TransactWrite per change of state, with its audit record inside it.

A domain service collects its writes in ``Changes`` and commits once: the change, its
audit record and any outbox mail land together or not at all. Each operation carries a
label so a cancelled transaction says *which* condition failed, without the caller
knowing how PynamoDB orders the items it sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pynamodb.connection import Connection
from pynamodb.exceptions import TransactWriteError
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.transactions import TransactWrite

from portside.data.base import PortsideItem
from portside.data.models.records import AuditEvent

# PynamoDB sends condition checks, then deletes, puts and updates: cancellation reasons follow that order.
_SEND_ORDER = {"check": 0, "delete": 1, "put": 2, "update": 3}


class ConditionFailed(Exception):
    """A labelled condition of the transaction did not hold; nothing was written."""

    def __init__(self, labels: frozenset[str]) -> None:
        super().__init__(", ".join(sorted(labels)))
        self.labels = labels


@dataclass(frozen=True)
class _Operation:
    kind: str
    label: str
    apply: Any  # a callable taking the TransactWrite


@cache
def _connection() -> Connection:
    return Connection()


class Changes:
    def __init__(self, audit: AuditEvent | None) -> None:
        """``audit`` is required for every change of state; only counters and "last seen" bookkeeping pass ``None``."""
        self._operations: list[_Operation] = []
        if audit is not None:
            self.put(audit, label="audit", condition=AuditEvent.PK.does_not_exist())

    def put(self, item: PortsideItem, *, label: str, condition: Condition | None = None) -> Changes:
        self._operations.append(_Operation("put", label, lambda tx: tx.save(item, condition=condition)))
        return self

    def update(
        self, item: PortsideItem, actions: Sequence[Action], *, label: str, condition: Condition | None = None
    ) -> Changes:
        self._operations.append(_Operation("update", label, lambda tx: tx.update(item, actions, condition=condition)))
        return self

    def update_key(
        self,
        model: type[PortsideItem],
        keys: tuple[str, str],
        actions: Sequence[Action],
        *,
        label: str,
        condition: Condition | None = None,
    ) -> Changes:
        """Update an item known only by its keys (a counter, say) without reading it first.

        A versioned model's version still goes up by one: PynamoDB would *set* it to 1 for an item
        it has not read, silently undoing optimistic locking. Any known version makes it add 1
        instead; the version condition that comes with it is left out on purpose.
        """
        item = model(*keys)
        if model._version_attribute_name is not None:
            setattr(item, model._version_attribute_name, 0)
        self._operations.append(
            _Operation(
                "update",
                label,
                lambda tx: tx.update(item, actions, condition=condition, add_version_condition=False),
            )
        )
        return self

    def delete(self, item: PortsideItem, *, label: str, condition: Condition | None = None) -> Changes:
        self._operations.append(_Operation("delete", label, lambda tx: tx.delete(item, condition=condition)))
        return self

    def check(self, model: type[PortsideItem], keys: tuple[str, str], condition: Condition, *, label: str) -> Changes:
        self._operations.append(
            _Operation("check", label, lambda tx: tx.condition_check(model, keys[0], keys[1], condition=condition))
        )
        return self

    def commit(self) -> None:
        if not self._operations:
            return
        ordered = sorted(self._operations, key=lambda op: _SEND_ORDER[op.kind])
        try:
            with TransactWrite(connection=_connection()) as transaction:
                for operation in ordered:
                    operation.apply(transaction)
        except TransactWriteError as error:
            reasons = error.cancellation_reasons or []
            failed = frozenset(
                op.label
                for op, reason in zip(ordered, reasons, strict=False)
                if reason is not None and reason.code == "ConditionalCheckFailed"
            )
            if failed:
                raise ConditionFailed(failed) from error
            raise
