"""Create the portal's AWS resources in the emulator, from the definitions the stack uses."""

from __future__ import annotations

from typing import Any

from infra.definitions import ADMIN_APP_CLIENT, ADMIN_PASSWORD_POLICY, ADMIN_POOL_NAME
from portside.aws import client
from portside.config import settings
from portside.data.schema import table_shape


def create_table() -> None:
    shape = table_shape()
    keys = {shape.partition_key, shape.sort_key}
    for index in shape.indexes:
        keys |= {index.partition_key, index.sort_key}
    dynamodb = client("dynamodb")
    dynamodb.create_table(
        TableName=settings().table_name,
        BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": name, "AttributeType": "S"} for name in sorted(keys)],
        KeySchema=[
            {"AttributeName": shape.partition_key, "KeyType": "HASH"},
            {"AttributeName": shape.sort_key, "KeyType": "RANGE"},
        ],
        GlobalSecondaryIndexes=[
            {
                "IndexName": index.name,
                "KeySchema": [
                    {"AttributeName": index.partition_key, "KeyType": "HASH"},
                    {"AttributeName": index.sort_key, "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
            for index in shape.indexes
        ],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": shape.stream_view_type},
    )
    dynamodb.update_time_to_live(
        TableName=settings().table_name,
        TimeToLiveSpecification={"Enabled": True, "AttributeName": shape.ttl_attribute},
    )


def create_bucket() -> None:
    """The documents bucket, versioned as the stack's: each upload under a title is a new version of one key."""
    s3 = client("s3")
    s3.create_bucket(Bucket=settings().documents_bucket)
    s3.put_bucket_versioning(Bucket=settings().documents_bucket, VersioningConfiguration={"Status": "Enabled"})


def create_mail_identity() -> None:
    client("ses").verify_email_identity(EmailAddress=settings().mail_sender)


def create_admin_pool() -> dict[str, Any]:
    cognito = client("cognito-idp")
    pool = cognito.create_user_pool(
        PoolName=ADMIN_POOL_NAME,
        Policies={"PasswordPolicy": ADMIN_PASSWORD_POLICY},
        MfaConfiguration="ON",
        AdminCreateUserConfig={"AllowAdminCreateUserOnly": True},
        UsernameAttributes=["email"],
    )["UserPool"]
    cognito.set_user_pool_mfa_config(
        UserPoolId=pool["Id"], SoftwareTokenMfaConfiguration={"Enabled": True}, MfaConfiguration="ON"
    )
    app_client = cognito.create_user_pool_client(
        UserPoolId=pool["Id"], ClientName=ADMIN_APP_CLIENT, ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH"]
    )["UserPoolClient"]
    return {"pool_id": pool["Id"], "client_id": app_client["ClientId"]}


def admin_settings(pool: dict[str, Any], jwks_url: str) -> dict[str, str]:
    """The portal's settings for the emulated pool, whose signing keys the emulator publishes at ``jwks_url``."""
    return {
        "PORTSIDE_ADMIN_POOL_ID": pool["pool_id"],
        "PORTSIDE_ADMIN_CLIENT_ID": pool["client_id"],
        "PORTSIDE_ADMIN_JWKS_URL": jwks_url,
    }


def create_all() -> dict[str, Any]:
    create_table()
    create_bucket()
    create_mail_identity()
    return create_admin_pool()
