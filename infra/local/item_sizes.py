"""A new item's 400 KB check in the emulator once per item, not once per attribute.

moto keeps an item's attributes in a dict that, on every attribute set, sums the size of every
attribute already there: building an item of n attributes costs n² sizes, a quarter of the
50,000-row import's time. Sizes only grow as attributes are added, so checking the finished item
once refuses exactly the items moto refuses, with the same error; changes to a stored item keep
moto's own check (``tests/unit/test_emulator_item_sizes.py`` holds the two equal on any item).
"""

from __future__ import annotations

from typing import Any

from moto.dynamodb.exceptions import ItemSizeTooLarge
from moto.dynamodb.models.dynamo_type import DynamoType, Item, LimitedSizeDict
from moto.dynamodb.models.utilities import bytesize

LIMIT = 405000  # moto's own: between the 409 and 410 KB that DynamoDB was seen to accept
_original = Item.__init__


def _size(key: str, value: DynamoType) -> int:
    return bytesize(key) + value.size()


def checked_once(self: Item, hash_key: DynamoType, range_key: DynamoType | None, attrs: dict[str, Any]) -> None:
    self.hash_key = hash_key
    self.range_key = range_key
    self.attrs = LimitedSizeDict()
    for key, value in attrs.items():
        dict.__setitem__(self.attrs, key, DynamoType(value))
    if sum(_size(key, value) for key, value in self.attrs.items()) > LIMIT:
        raise ItemSizeTooLarge


def install() -> None:
    Item.__init__ = checked_once  # type: ignore[method-assign]
