"""The CDK app (``cdk.json`` runs ``python -m infra.app``): the portal's stack in its region and, with the
edge on, the two stacks CloudFront needs in us-east-1 (``infra/edge_stacks.py``); cdk-nag checks all at
every synth."""

from __future__ import annotations

import os
from dataclasses import dataclass

from aws_cdk import App, Aspects, Environment, Stack, Validations
from cdk_nag import AwsSolutionsChecks, ServerlessChecks

from infra.components import checkov
from infra.config import EDGE_REGION, DeploymentConfig
from infra.edge_stacks import EdgeAlarmsStack, EdgeStack
from infra.stack import PortsideStack


@dataclass(frozen=True)
class Deployment:
    portal: PortsideStack
    edge: EdgeStack | None = None
    edge_alarms: EdgeAlarmsStack | None = None

    @property
    def stacks(self) -> list[Stack]:
        return [stack for stack in (self.edge, self.portal, self.edge_alarms) if stack is not None]


def build(app: App) -> Deployment:
    """The stacks, with the AwsSolutions and Serverless packs attached: an unacknowledged finding fails the synth."""
    config = DeploymentConfig.from_context(app, default_region=os.environ.get("CDK_DEFAULT_REGION"))
    account = os.environ.get("CDK_DEFAULT_ACCOUNT")
    name = f"Portside-{config.stage}"
    edge = None
    if config.edge:
        edge = EdgeStack(
            app,
            f"{name}-edge",
            config,
            env=Environment(account=account, region=EDGE_REGION),
            cross_region_references=True,
        )
    portal = PortsideStack(
        app,
        name,
        config=config,
        edge=edge,
        env=Environment(account=account, region=config.region),
        cross_region_references=edge is not None,
    )
    edge_alarms = None
    if edge is not None and portal.distribution_id is not None:
        edge_alarms = EdgeAlarmsStack(
            app,
            f"{name}-edge-alarms",
            config,
            portal.distribution_id,
            env=Environment(account=account, region=EDGE_REGION),
            cross_region_references=True,
        )
    Validations.of(app).add_plugins(AwsSolutionsChecks(app), ServerlessChecks(app))
    Aspects.of(app).add(checkov.AcknowledgeByType())  # make checkov runs it on the synthesized templates
    return Deployment(portal, edge, edge_alarms)


if __name__ == "__main__":
    application = App()
    build(application)
    application.synth()
