"""checkov's findings on the synthesized templates, acknowledged in each resource with its reason.

CI runs checkov on ``cdk.out`` (``make checkov``) and fails on any finding not acknowledged here.
An acknowledgement is the resource's ``Metadata.checkov.skip`` entry, the form checkov reads in a
CloudFormation template, so the reason travels with the resource. Findings that hold for every
function or log group are acknowledged by resource type, once; the rest where the resource is made.
"""

from __future__ import annotations

from typing import Any

import jsii
from aws_cdk import CfnResource, IAspect
from constructs import IConstruct

BY_TYPE: dict[str, tuple[tuple[str, str], ...]] = {
    "AWS::Lambda::Function": (
        (
            "CKV_AWS_116",
            "Routes are invoked synchronously by API Gateway, where a Lambda dead-letter queue never applies; "
            "workers send failures to the stack's dead-letter queue through their event source mapping or "
            "on-failure destination (infra/components/workers.py).",
        ),
        (
            "CKV_AWS_117",
            "The functions reach only AWS APIs (DynamoDB, S3, SES, Cognito, Secrets Manager) with IAM-signed "
            "requests and hold no network-reachable state; a VPC would add NAT gateways and cold-start time "
            "and protect nothing.",
        ),
        (
            "CKV_AWS_173",
            "No secret is in any function's environment (the edge secret is read from Secrets Manager at run "
            "time); Lambda encrypts the environment at rest with its service key.",
        ),
        (
            "CKV_AWS_115",
            "Route functions share the account's concurrency on purpose (a cap would refuse partners at a "
            "peak); every worker reserves and is capped at its own (infra/components/workers.py).",
        ),
    ),
    "AWS::Logs::LogGroup": (
        (
            "CKV_AWS_158",
            "CloudWatch Logs encrypts every log group with its service key; the portal logs no secret, token "
            "or form body (docs/operations.md), and a customer key would add its cost and rotation for no data.",
        ),
    ),
}


def acknowledge(resource: IConstruct, check_id: str, reason: str) -> None:
    """Acknowledge one finding on ``resource`` (a construct whose default child is the CloudFormation resource)."""
    target = resource if isinstance(resource, CfnResource) else resource.node.default_child
    assert isinstance(target, CfnResource), f"{resource.node.path} is no CloudFormation resource"
    found: Any = target.get_metadata("checkov") or {"skip": []}
    if all(entry["id"] != check_id for entry in found["skip"]):
        found["skip"].append({"id": check_id, "comment": reason})
    target.add_metadata("checkov", found)


@jsii.implements(IAspect)
class AcknowledgeByType:
    """The acknowledgements every resource of a type carries (BY_TYPE), nested stacks included."""

    def visit(self, node: IConstruct) -> None:
        if isinstance(node, CfnResource):
            for check_id, reason in BY_TYPE.get(node.cfn_resource_type, ()):
                acknowledge(node, check_id, reason)
