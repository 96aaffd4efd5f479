"""Synthesize the stack once per test run, with bundling skipped and no AWS credentials needed."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
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
    template: dict[str, Any]  # the stack's own
    nested: dict[str, dict[str, Any]]  # its nested stacks' (the routes of each audience), by file name
    outdir: Path

    @property
    def templates(self) -> list[dict[str, Any]]:
        return [self.template, *self.nested.values()]

    def resources(self, kind: str) -> dict[str, dict[str, Any]]:
        """Resources of one type across the stack and its nested stacks (logical ids are unique across them)."""
        return {
            name: r for template in self.templates for name, r in template["Resources"].items() if r["Type"] == kind
        }


def synthesize(outdir: Path, base: dict[str, Any] = CONTEXT, **context: Any) -> Synthesized:
    """The stack as `cdk synth` makes it with ``base``'s context (the tests' own) and ``context`` over it."""
    from aws_cdk import App

    from infra.app import build

    app = App(context={**base, **context}, outdir=str(outdir))
    stack = build(app)
    app.synth()  # runs the cdk-nag packs: an unacknowledged finding raises here
    template = json.loads((outdir / stack.template_file).read_text())
    nested = {path.name: json.loads(path.read_text()) for path in outdir.glob("*.nested.template.json")}
    return Synthesized(template, nested, outdir)


@pytest.fixture(scope="session")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synthesized]:
    yield synthesize(tmp_path_factory.mktemp("cdk.out"))
