"""DynamoDB value comparisons in the emulator without moto's general cast on every one.

moto sorts a partition by its sort key on every Query, comparing ``DynamoType`` values through
``cast_value``, which asks five questions of the type before it returns a string as it is: the
emulator's hottest path in the suite's heaviest tests (9 million casts in the kill-list walk). The
shortcut answers strings, binaries and booleans at once and numbers with one ``Decimal``, and hands
every other type to moto's own cast, so every comparison answers as before
(``tests/unit/test_emulator_comparisons.py`` checks the two agree on any value).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from moto.dynamodb.models.dynamo_type import DynamoType

_original = DynamoType.cast_value
AS_THEY_ARE = frozenset({"S", "B", "BOOL"})


def quick_cast_value(value: DynamoType) -> Any:
    kind = value.type
    if kind in AS_THEY_ARE:
        return value.value
    if kind == "N":
        return Decimal(value.value)
    return _original.fget(value)  # type: ignore[attr-defined]


def install() -> None:
    DynamoType.cast_value = property(quick_cast_value)  # type: ignore[method-assign,assignment]
