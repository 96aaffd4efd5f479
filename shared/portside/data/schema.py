"""The table's shape, read off the PynamoDB models: the stack and the local runtime both build from it."""

from __future__ import annotations

from dataclasses import dataclass

from portside.data.base import PortsideItem


@dataclass(frozen=True)
class IndexShape:
    name: str
    partition_key: str
    sort_key: str


@dataclass(frozen=True)
class TableShape:
    partition_key: str
    sort_key: str
    indexes: tuple[IndexShape, ...]
    ttl_attribute: str
    stream_view_type: str


def table_shape() -> TableShape:
    attributes = PortsideItem.get_attributes()
    indexes = []
    for index in PortsideItem._indexes.values():
        schema = index._get_schema()
        hash_key = next(k["AttributeName"] for k in schema["key_schema"] if k["KeyType"] == "HASH")
        range_key = next(k["AttributeName"] for k in schema["key_schema"] if k["KeyType"] == "RANGE")
        indexes.append(IndexShape(index.Meta.index_name, hash_key, range_key))
    return TableShape(
        partition_key=PortsideItem._hash_keyname or "",
        sort_key=PortsideItem._range_keyname or "",
        indexes=tuple(indexes),
        ttl_attribute=attributes["expires_ttl"].attr_name,
        stream_view_type=PortsideItem.Meta.stream_view_type,
    )
