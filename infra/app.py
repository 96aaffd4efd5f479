"""The CDK app (``cdk.json`` runs ``python -m infra.app``): one stack, checked by cdk-nag at every synth."""

from __future__ import annotations

import os

from aws_cdk import App, Aspects, Environment, Validations
from cdk_nag import AwsSolutionsChecks, ServerlessChecks

from infra.components import checkov
from infra.config import DeploymentConfig
from infra.stack import PortsideStack


def build(app: App) -> PortsideStack:
    """The stack, with the AwsSolutions and Serverless packs attached: an unacknowledged finding fails the synth."""
    config = DeploymentConfig.from_context(app)
    account, region = os.environ.get("CDK_DEFAULT_ACCOUNT"), os.environ.get("CDK_DEFAULT_REGION")
    stack = PortsideStack(
        app,
        f"Portside-{config.stage}",
        config=config,
        env=Environment(account=account, region=region) if account and region else None,
    )
    Validations.of(app).add_plugins(AwsSolutionsChecks(app), ServerlessChecks(app))
    Aspects.of(app).add(checkov.AcknowledgeByType())  # make checkov runs it on the synthesized templates
    return stack


if __name__ == "__main__":
    application = App()
    build(application)
    application.synth()
