"""Synthesize the stack once per test run, with bundling skipped and no AWS credentials needed."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")

ROOT = Path(__file__).resolve().parents[2]
# What `cdk synth` reads from cdk.json (its feature flags included), under what each test sets.
CDK_JSON_CONTEXT: dict[str, Any] = json.loads((ROOT / "cdk.json").read_text())["context"]
NO_BUNDLING = {"aws:cdk:bundling-stacks": []}  # CDK's own switch: no pip download of the layer's wheels
CONTEXT = {
    **CDK_JSON_CONTEXT,
    "stage": "dev",
    "mail_domain": "mail.northwind.example",
    "mail_sender": "portal@mail.northwind.example",
    "alarm_email": "oncall@northwind.example",
    "alarm_topic_arn": "arn:aws:sns:us-east-1:123456789012:on-call",
    "edge_secret_version": "v-rotated",  # as after a rotation (docs/deploy.md)
    **NO_BUNDLING,
}


@dataclass
class Synthesized:
    template: dict[str, Any]  # the portal stack's own
    nested: dict[str, dict[str, Any]]  # its nested stacks' (the routes of each audience), by file name
    outdir: Path
    edge: dict[str, dict[str, Any]] = field(default_factory=dict)  # the edge's stacks in us-east-1, by stack name
    regions: dict[str, str] = field(default_factory=dict)  # every stack's region, by stack name

    @property
    def templates(self) -> list[dict[str, Any]]:
        return [self.template, *self.nested.values(), *self.edge.values()]

    def resources(self, kind: str) -> dict[str, dict[str, Any]]:
        """Resources of one type across all stacks (logical ids are unique across them)."""
        return {
            name: r for template in self.templates for name, r in template["Resources"].items() if r["Type"] == kind
        }


def synthesize(outdir: Path, base: dict[str, Any] = CONTEXT, **context: Any) -> Synthesized:
    """The stack as `cdk synth` makes it with ``base``'s context (the tests' own) and ``context`` over it."""
    from aws_cdk import App

    from infra.app import build

    app = App(context={**base, **context}, outdir=str(outdir))
    deployment = build(app)
    app.synth()  # runs the cdk-nag packs: an unacknowledged finding raises here

    def template_of(stack: Any) -> dict[str, Any]:
        return json.loads((outdir / stack.template_file).read_text())  # type: ignore[no-any-return]

    edge = [stack for stack in deployment.stacks if stack is not deployment.portal]
    return Synthesized(
        template=template_of(deployment.portal),
        nested={path.name: json.loads(path.read_text()) for path in outdir.glob("*.nested.template.json")},
        outdir=outdir,
        edge={stack.stack_name: template_of(stack) for stack in edge},
        regions={stack.stack_name: stack.region for stack in deployment.stacks},
    )


@pytest.fixture(scope="session")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synthesized]:
    yield synthesize(tmp_path_factory.mktemp("cdk.out"))
