"""The emulator's one size check per new item refuses exactly the items moto's per-attribute check refuses."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from moto.dynamodb.exceptions import ItemSizeTooLarge
from moto.dynamodb.models.dynamo_type import DynamoType, Item

from infra.local import item_sizes

KEY = DynamoType({"S": "PK"})
# Strings around the limit: a few of these make an item just under, at or just over it.
sized = st.integers(min_value=0, max_value=item_sizes.LIMIT // 2).map(lambda n: {"S": "x" * n})
small = st.one_of(st.text(max_size=20).map(lambda text: {"S": text}), st.integers().map(lambda n: {"N": str(n)}))
items = st.dictionaries(st.text(min_size=1, max_size=8), st.one_of(sized, small), max_size=6)


def built(init: Any, attrs: dict[str, Any]) -> dict[str, Any] | type[Exception]:
    item = Item.__new__(Item)
    try:
        init(item, KEY, None, attrs)
    except ItemSizeTooLarge:
        return ItemSizeTooLarge
    return {key: value.to_json() for key, value in item.attrs.items()}


@given(items)
def test_a_new_item_is_refused_exactly_when_moto_refuses_it(attrs: dict[str, Any]) -> None:
    assert built(item_sizes.checked_once, attrs) == built(item_sizes._original, attrs)


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_the_limit_is_moto_s_to_the_byte(extra: int) -> None:
    attrs = {"a": {"S": "x" * (item_sizes.LIMIT - 1 + extra)}}  # the name's byte and the value's
    assert built(item_sizes.checked_once, attrs) == built(item_sizes._original, attrs)
    assert (built(item_sizes.checked_once, attrs) is ItemSizeTooLarge) == (extra > 0)
