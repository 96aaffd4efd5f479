"""The ways an infra team deploys: the documented first deploy, any stage, and SnapStart that ships every change."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from aws_cdk import App

from infra.components import layer
from infra.config import ConfigError, DeploymentConfig
from portside.manifest import ROUTES
from tests.infra.conftest import CDK_JSON_CONTEXT, NO_BUNDLING, ROOT, Synthesized, synthesize
from tests.infra.test_stack import functions_by_handler

# What a team puts in place of the documented command's "…".
FILLED = {
    "region": "eu-central-1",
    "domain_name": "partners.northwind.example",
    "hosted_zone_id": "Z0123456789ABCDEFGHIJ",
    "hosted_zone_name": "northwind.example",
    "mail_domain": "northwind.example",
    "alarm_email": "oncall@northwind.example",
}


def first_deploy_context() -> dict[str, str]:
    """The ``-c key=value`` pairs of docs/deploy.md's first-deploy command, with its "…" filled in."""
    section = (ROOT / "docs" / "deploy.md").read_text().split("## First deploy", 1)[1]
    command = re.search(r'make deploy CDK_ARGS="([^"]+)"', section)
    assert command, "docs/deploy.md's first deploy names its command"
    pairs = dict(re.findall(r"-c (\w+)=(\S+)", command.group(1)))
    return {key: FILLED[key] if value == "…" else value for key, value in pairs.items()}


def environment_of(synthesized: Synthesized) -> dict[str, str]:
    functions = synthesized.resources("AWS::Lambda::Function").values()
    (route,) = [f for f in functions if f["Properties"].get("Handler") == "functions.not_found.handler"]
    return route["Properties"]["Environment"]["Variables"]  # type: ignore[no-any-return]


def test_the_documented_first_deploy_mails_from_its_own_domain_and_keeps_its_data(tmp_path: Path) -> None:
    context = first_deploy_context()
    synthesized = synthesize(tmp_path, base={**CDK_JSON_CONTEXT, **NO_BUNDLING}, **context)

    assert environment_of(synthesized)["PORTSIDE_MAIL_SENDER"] == f"portal@{context['mail_domain']}"
    mail_grants = [
        statement["Resource"]
        for policy in synthesized.resources("AWS::IAM::Policy").values()
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]
        if statement["Action"] == "ses:SendRawEmail"
    ]
    assert mail_grants and all(f":identity/{context['mail_domain']}" in str(grant) for grant in mail_grants)
    (table,) = synthesized.resources("AWS::DynamoDB::GlobalTable").values()
    assert table["Properties"]["Replicas"][0]["DeletionProtectionEnabled"] is True
    assert table["DeletionPolicy"] == "Retain"
    (distribution,) = synthesized.resources("AWS::CloudFront::Distribution").values()
    config = distribution["Properties"]["DistributionConfig"]
    assert config["Aliases"] == [FILLED["domain_name"]]
    assert config["ViewerCertificate"]["AcmCertificateArn"]["Fn::GetStackOutput"]["StackName"] == "Portside-prod-edge"
    assert config["ViewerCertificate"]["MinimumProtocolVersion"] == "TLSv1.2_2021"
    (header,) = config["Origins"][0]["OriginCustomHeaders"]
    assert json.dumps(header["HeaderValue"]).endswith(':SecretString:::}}"]]}'), "the current value, before a rotation"


def test_any_stage_name_deploys_and_one_key_decides_what_is_kept(tmp_path: Path) -> None:
    synthesized = synthesize(tmp_path, stage="staging", protect_data="false", edge="false")

    (table,) = synthesized.resources("AWS::DynamoDB::GlobalTable").values()
    assert table["DeletionPolicy"] == "Delete" and not table["Properties"]["Replicas"][0]["DeletionProtectionEnabled"]
    (pool,) = synthesized.resources("AWS::Cognito::UserPool").values()
    assert pool["DeletionPolicy"] == "Delete"
    assert environment_of(synthesized)["PORTSIDE_STAGE"] == "staging"
    assert "PORTSIDE_EDGE_SECRET" not in environment_of(synthesized)
    assert not synthesized.resources("AWS::CloudFront::Distribution")


def config_of(**context: Any) -> DeploymentConfig:
    return DeploymentConfig.from_context(App(context=context))


def test_data_is_kept_unless_said_otherwise_whatever_the_stage() -> None:
    assert [config_of(stage=stage).protect_data for stage in ("dev", "prod", "eu-prod")] == [True, True, True]
    assert not config_of(stage="dev", protect_data=False).protect_data
    assert not config_of(protect_data="false").protect_data


@pytest.mark.parametrize("stage", ["Prod", "", "prod_eu", "-dev", "a" * 21, "staging\n"])
def test_a_stage_that_cannot_name_a_stack_is_refused_with_what_to_use(stage: str) -> None:
    with pytest.raises(ConfigError, match="lower-case letters, digits and hyphens"):
        config_of(stage=stage)


def test_the_sender_follows_the_mail_domain_and_one_off_it_is_refused_with_the_key_to_set() -> None:
    assert config_of(mail_domain="Northwind.example").mail_sender == "portal@northwind.example"
    assert config_of(mail_domain="northwind.example", mail_sender="partners@northwind.example").mail_sender == (
        "partners@northwind.example"
    )
    with pytest.raises(ConfigError, match=r"Set -c mail_sender=<name>@northwind\.example"):
        config_of(mail_domain="northwind.example", mail_sender="portal@example.com")
    with pytest.raises(ConfigError):
        config_of(mail_domain="northwind.example", mail_sender="portal@mail.northwind.example")


@pytest.fixture(scope="module")
def snap_started(tmp_path_factory: pytest.TempPathFactory) -> Synthesized:
    return synthesize(tmp_path_factory.mktemp("snap"), snap_start="true", edge="false")


def test_snap_start_is_a_context_flag_for_the_route_functions(snap_started: Synthesized) -> None:
    synthesized = snap_started
    functions = functions_by_handler(synthesized)
    snapped = {handler for handler, function in functions.items() if "SnapStart" in function["Properties"]}

    assert snapped == {route.handler for route in ROUTES}
    assert all(len(template["Resources"]) <= 450 for template in synthesized.templates), "a version and alias each"
    aliases = synthesized.resources("AWS::Lambda::Alias")
    assert len(aliases) == len(ROUTES) and {alias["Properties"]["Name"] for alias in aliases.values()} == {"live"}
    integrations = synthesized.resources("AWS::ApiGatewayV2::Integration")
    assert all(
        "Live" in json.dumps(integration["Properties"]["IntegrationUri"]) for integration in integrations.values()
    )


def version_ids(synthesized: Synthesized) -> set[str]:
    return set(synthesized.resources("AWS::Lambda::Version"))


def test_with_snap_start_a_changed_layer_publishes_every_route_version_again(
    snap_started: Synthesized, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    changed = layer.source_hash()[::-1]  # what any file of the layer's changing does to its hash (below)
    monkeypatch.setattr(layer, "source_hash", lambda **_: changed)
    republished = synthesize(tmp_path, snap_start="true", edge="false")

    assert len(version_ids(snap_started)) == len(ROUTES)
    assert version_ids(snap_started).isdisjoint(version_ids(republished)), "every version's logical id changes"


def test_any_file_of_the_layer_changes_its_hash(tmp_path: Path) -> None:
    (tmp_path / "infra").mkdir()
    lock = tmp_path / "infra" / "layer.lock"
    shutil.copy(ROOT / "infra" / "layer.lock", lock)
    (tmp_path / "shared" / "portside").mkdir(parents=True)
    (tmp_path / "templates" / "mail").mkdir(parents=True)
    module, template = tmp_path / "shared" / "portside" / "guard.py", tmp_path / "templates" / "mail" / "sign_in.txt"
    module.write_text("ALLOWED = 1\n")
    template.write_text("Your code\n")
    hashes = [layer.source_hash(tmp_path)]
    module.write_text("ALLOWED = 2\n")
    hashes.append(layer.source_hash(tmp_path))
    template.write_text("Your code:\n")
    hashes.append(layer.source_hash(tmp_path))
    lock.write_text(lock.read_text().replace("jinja2==3.1.6", "jinja2==3.1.7"))
    hashes.append(layer.source_hash(tmp_path))
    hashes.append(layer.source_hash(tmp_path, bytecode=False))

    assert len(set(hashes)) == 5
