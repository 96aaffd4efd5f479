"""Optimistic locking means what it says for every versioned model, whichever way an item is updated."""

from __future__ import annotations

import pytest

from portside.aws import client
from portside.config import settings
from portside.data.base import PortsideItem
from portside.data.changes import Changes
from portside.item_types import AREAS
from tests.functional.portal import Portal

VERSIONED = [
    model
    for area in AREAS
    for model in vars(area).values()
    if isinstance(model, type) and issubclass(model, PortsideItem) and model._version_attribute_name is not None
]


def test_there_are_versioned_models_to_check() -> None:
    assert {model.__name__ for model in VERSIONED} >= {"Deal", "Question", "Tenant", "Partner"}


@pytest.mark.parametrize("model", VERSIONED, ids=lambda model: model.__name__)
def test_an_update_by_key_adds_one_to_the_version(portal: Portal, model: type[PortsideItem]) -> None:
    table = client("dynamodb")
    key = {"PK": {"S": f"T#northwind#VERSIONED#{model.__name__}"}, "SK": {"S": "ITEM"}}
    table.put_item(TableName=settings().table_name, Item={**key, "type": {"S": model.__name__}, "version": {"N": "7"}})

    Changes(audit=None).update_key(model, (key["PK"]["S"], key["SK"]["S"]), [model.GSI1SK.set("x")], label="x").commit()

    stored = table.get_item(TableName=settings().table_name, Key=key, ConsistentRead=True)["Item"]
    assert stored["version"] == {"N": "8"} and stored["GSI1SK"] == {"S": "x"}
