"""The one table: keys, indexes, TTL and stream read off the PynamoDB models, never typed twice."""

from __future__ import annotations

from aws_cdk import RemovalPolicy
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct

from infra.config import DeploymentConfig
from portside.data.schema import table_shape


def _key(name: str) -> dynamodb.Attribute:
    return dynamodb.Attribute(name=name, type=dynamodb.AttributeType.STRING)


class Data(Construct):
    def __init__(self, scope: Construct, construct_id: str, config: DeploymentConfig) -> None:
        super().__init__(scope, construct_id)
        shape = table_shape()
        self.table = dynamodb.TableV2(
            self,
            "Table",
            partition_key=_key(shape.partition_key),
            sort_key=_key(shape.sort_key),
            billing=dynamodb.Billing.on_demand(),
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
            deletion_protection=config.protect_data,
            removal_policy=RemovalPolicy.RETAIN if config.protect_data else RemovalPolicy.DESTROY,
            time_to_live_attribute=shape.ttl_attribute,
            dynamo_stream=dynamodb.StreamViewType[shape.stream_view_type],
            global_secondary_indexes=[
                dynamodb.GlobalSecondaryIndexPropsV2(
                    index_name=index.name,
                    partition_key=_key(index.partition_key),
                    sort_key=_key(index.sort_key),
                )
                for index in shape.indexes
            ],
        )
