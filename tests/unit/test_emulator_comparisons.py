"""The emulator's quick cast answers as moto's own does, for any DynamoDB value: comparisons and sorting
are unchanged."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from moto.dynamodb.models.dynamo_type import DynamoType

from infra.local.comparisons import _original, quick_cast_value

numbers = st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str)
scalars = st.one_of(
    st.text().map(lambda text: {"S": text}),
    numbers.map(lambda number: {"N": number}),
    st.binary().map(lambda data: {"B": data}),
    st.booleans().map(lambda flag: {"BOOL": flag}),
    st.just({"NULL": True}),
    st.lists(st.text(), min_size=1, unique=True).map(lambda texts: {"SS": texts}),
    st.lists(numbers, min_size=1, unique=True).map(lambda found: {"NS": found}),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda items: {"L": items}),
        st.dictionaries(st.text(max_size=5), inner, max_size=3).map(lambda fields: {"M": fields}),
    ),
    max_leaves=8,
)


@given(values)
def test_the_quick_cast_is_moto_s_cast(value: dict[str, Any]) -> None:
    typed = DynamoType(value)
    assert quick_cast_value(typed) == _original.fget(typed)


@given(st.lists(st.text(), max_size=12), st.lists(numbers, max_size=12))
def test_values_sort_as_before(texts: list[str], found: list[str]) -> None:
    for raw in ([{"S": text} for text in texts], [{"N": number} for number in found]):
        typed = [DynamoType(value) for value in raw]
        assert [quick_cast_value(value) for value in sorted(typed)] == sorted(_original.fget(v) for v in typed)
