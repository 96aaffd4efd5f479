"""The emulator's transactions keep DynamoDB's all-or-nothing without copying the table."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from infra.local import resources
from portside.aws import client
from portside.config import settings

TABLE = settings().table_name


@pytest.fixture
def dynamodb() -> Iterator[Any]:
    with mock_aws():
        resources.create_table()
        yield client("dynamodb")


def put(pk: str, **attributes: dict[str, str]) -> dict[str, Any]:
    return {"Put": {"TableName": TABLE, "Item": {"PK": {"S": pk}, "SK": {"S": "X"}, **attributes}}}


def items(dynamodb: Any) -> dict[str, dict[str, Any]]:
    return {item["PK"]["S"]: item for item in dynamodb.scan(TableName=TABLE)["Items"]}


def test_a_failed_condition_writes_nothing_and_names_the_operation(dynamodb: Any) -> None:
    dynamodb.put_item(TableName=TABLE, Item={"PK": {"S": "taken"}, "SK": {"S": "X"}})
    taken = put("taken")
    taken["Put"]["ConditionExpression"] = "attribute_not_exists(PK)"

    with pytest.raises(ClientError) as cancelled:
        dynamodb.transact_write_items(TransactItems=[put("new"), taken])

    assert cancelled.value.response["Error"]["Code"] == "TransactionCanceledException"
    reasons = [reason["Code"] for reason in cancelled.value.response["CancellationReasons"]]
    assert reasons == ["None", "ConditionalCheckFailed"]
    assert set(items(dynamodb)) == {"taken"}


def test_an_item_named_twice_is_refused(dynamodb: Any) -> None:
    with pytest.raises(ClientError) as refused:
        dynamodb.transact_write_items(TransactItems=[put("a"), put("a")])
    assert refused.value.response["Error"]["Code"] == "ValidationException"
    assert items(dynamodb) == {}


def test_a_write_that_fails_while_applying_undoes_the_ones_before_it(dynamodb: Any) -> None:
    dynamodb.put_item(TableName=TABLE, Item={"PK": {"S": "counter"}, "SK": {"S": "X"}, "hits": {"S": "text"}})
    adds_to_text = {
        "Update": {
            "TableName": TABLE,
            "Key": {"PK": {"S": "counter"}, "SK": {"S": "X"}},
            "UpdateExpression": "ADD hits :one",
            "ExpressionAttributeValues": {":one": {"N": "1"}},
        }
    }

    with pytest.raises(ClientError):
        dynamodb.transact_write_items(TransactItems=[put("new", note={"S": "x"}), adds_to_text])

    assert set(items(dynamodb)) == {"counter"} and items(dynamodb)["counter"]["hits"] == {"S": "text"}


def test_a_transaction_that_holds_writes_everything(dynamodb: Any) -> None:
    update = {
        "Update": {
            "TableName": TABLE,
            "Key": {"PK": {"S": "b"}, "SK": {"S": "X"}},
            "UpdateExpression": "ADD hits :one",
            "ExpressionAttributeValues": {":one": {"N": "1"}},
            "ConditionExpression": "attribute_not_exists(hits) OR hits < :one",
        }
    }
    dynamodb.transact_write_items(TransactItems=[put("a"), update])
    assert items(dynamodb)["b"]["hits"] == {"N": "1"} and "a" in items(dynamodb)
