"""Every emulated user pool signs with moto's one key, imported once: the same key moto would import for each."""

from __future__ import annotations

import boto3
from moto import mock_aws
from moto.cognitoidp.models import cognitoidp_backends, load_resource
from moto.core import DEFAULT_ACCOUNT_ID

from infra.local import signing_keys


def test_two_pools_share_the_one_import_of_motos_key() -> None:
    signing_keys.install()
    with mock_aws():
        cognito = boto3.client("cognito-idp", region_name="eu-west-1")
        ids = [cognito.create_user_pool(PoolName=name)["UserPool"]["Id"] for name in ("one", "two")]
        pools = cognitoidp_backends[DEFAULT_ACCOUNT_ID]["eu-west-1"].user_pools
        first, second = (pools[pool_id].json_web_key for pool_id in ids)

    fresh = signing_keys._original_import(load_resource("cognitoidp/resources/jwks-private.json"))
    assert first is second
    assert first.as_dict(private=True) == fresh.as_dict(private=True)
