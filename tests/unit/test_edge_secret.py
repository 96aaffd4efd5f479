"""The edge secret, read at run time: its current and previous values count, a rotation refuses nothing, and
wrong headers cannot make every request a call to Secrets Manager."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from portside.aws import client
from portside.web import edge_secret as edge
from portside.web.edge_secret import EdgeSecret
from tests.unit.monotonic import Clock


@pytest.fixture
def secret(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, list[str], Clock]]:
    """A secret in the emulator (its ARN), the stages each read asked for, and the clock the cache reads."""
    clock, asked = Clock(), []
    monkeypatch.setattr(edge.time, "monotonic", clock)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-central-1")
    client.cache_clear()
    with mock_aws():
        arn = boto3.client("secretsmanager").create_secret(Name="edge", SecretString="first")["ARN"]
        original = client("secretsmanager").get_secret_value

        def counted(**asking: Any) -> Any:
            asked.append(asking["VersionStage"])
            return original(**asking)

        monkeypatch.setattr(client("secretsmanager"), "get_secret_value", counted)
        yield arn, asked, clock
    client.cache_clear()


def rotate(arn: str, value: str) -> None:
    boto3.client("secretsmanager").put_secret_value(SecretId=arn, SecretString=value)


def test_the_current_value_counts_and_nothing_else(secret: tuple[str, list[str], Clock]) -> None:
    arn, _, _ = secret
    checked = EdgeSecret(arn)

    assert checked.accepts("first")
    assert not checked.accepts("") and not checked.accepts("firs") and not checked.accepts("first ")


def test_during_a_rotation_both_the_old_and_the_new_value_count(secret: tuple[str, list[str], Clock]) -> None:
    arn, _, clock = secret
    checked = EdgeSecret(arn)
    assert checked.accepts("first")

    rotate(arn, "second")  # CloudFront still sends "first" until the deploy that follows
    still = checked.accepts("first")
    clock.now += edge.RETRY_SECONDS
    after_deploy = checked.accepts("second")  # unmatched: read again, and now known
    old_too = checked.accepts("first")

    assert (still, after_deploy, old_too) == (True, True, True)


def test_wrong_headers_read_the_secret_again_at_most_once_a_retry_interval(
    secret: tuple[str, list[str], Clock],
) -> None:
    arn, asked, clock = secret
    checked = EdgeSecret(arn)
    checked.accepts("first")
    reads = len(asked)

    for _ in range(50):
        checked.accepts("forged")
    clock.now += edge.RETRY_SECONDS
    for _ in range(50):
        checked.accepts("forged")

    assert len(asked) == 2 * reads, "one read when the interval passed, none for the other 99 forgeries"
    clock.now += edge.REFRESH_SECONDS
    checked.accepts("first")
    assert len(asked) == 3 * reads, "a matching header reads again only when the values are stale"


def test_a_failed_read_keeps_what_was_read_before(secret: tuple[str, list[str], Clock]) -> None:
    arn, _, clock = secret
    checked = EdgeSecret(arn)
    checked.accepts("first")
    boto3.client("secretsmanager").delete_secret(SecretId=arn, ForceDeleteWithoutRecovery=True)
    clock.now += edge.REFRESH_SECONDS

    assert checked.accepts("first"), "Secrets Manager failing must not refuse every request"
