"""The portal in any region with the edge in front: data stays in the region, CloudFront's pieces go to us-east-1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aws_cdk import App

from infra.config import ConfigError, DeploymentConfig
from portside.manifest import ROUTES, WORKERS
from tests.infra.conftest import Synthesized, synthesize

DOMAIN = "partners.northwind.example"
EU = {
    "region": "eu-central-1",
    "domain_name": DOMAIN,
    "hosted_zone_id": "Z0123456789ABCDEFGHIJ",
    "hosted_zone_name": "northwind.example",
    "alarm_topic_arn": "arn:aws:sns:eu-central-1:123456789012:on-call",
    "edge_alarm_topic_arn": "arn:aws:sns:us-east-1:123456789012:on-call-edge",
}
IRISH_TOPIC = "arn:aws:sns:eu-west-1:123456789012:on-call"
# What holds partner data, or runs the portal's code: never outside the portal's region.
DATA_AND_CODE = (
    "AWS::DynamoDB::GlobalTable",
    "AWS::S3::Bucket",
    "AWS::Cognito::UserPool",
    "AWS::Lambda::Function",
    "AWS::SecretsManager::Secret",
    "AWS::ApiGatewayV2::Api",
)


@pytest.fixture(scope="module")
def in_europe(tmp_path_factory: pytest.TempPathFactory) -> Synthesized:
    return synthesize(tmp_path_factory.mktemp("eu"), **EU)


def types_in(template: dict[str, Any]) -> set[str]:
    return {resource["Type"] for resource in template["Resources"].values()}


def distribution_of(synthesized: Synthesized) -> dict[str, Any]:
    (distribution,) = synthesized.resources("AWS::CloudFront::Distribution").values()
    return distribution["Properties"]["DistributionConfig"]  # type: ignore[no-any-return]


def test_data_and_functions_stay_in_the_region_and_only_the_waf_and_certificate_go_to_us_east_1(
    in_europe: Synthesized,
) -> None:
    assert in_europe.regions == {
        "Portside-dev-edge": "us-east-1",
        "Portside-dev": "eu-central-1",
        "Portside-dev-edge-alarms": "us-east-1",
    }
    portal = [in_europe.template, *in_europe.nested.values()]
    for kind in DATA_AND_CODE:
        assert any(kind in types_in(template) for template in portal), kind
    functions = sum(len(_of(template, "AWS::Lambda::Function")) for template in portal)
    assert functions == len(ROUTES) + len(WORKERS), "every function of the portal's, in its region"
    assert types_in(in_europe.edge["Portside-dev-edge"]) == {
        "AWS::WAFv2::WebACL",
        "AWS::CertificateManager::Certificate",
    }
    assert types_in(in_europe.edge["Portside-dev-edge-alarms"]) <= {
        "AWS::CloudWatch::Alarm",
        "AWS::SNS::Topic",
        "AWS::SNS::TopicPolicy",
        "AWS::SNS::Subscription",
    }, "CloudFront's and the WAF's metrics are in us-east-1, and so must their alarms be; they hold no data"


def _of(template: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [resource for resource in template["Resources"].values() if resource["Type"] == kind]


def test_cloudfront_reaches_the_api_by_its_own_domain_and_execute_api_is_off(in_europe: Synthesized) -> None:
    (api,) = in_europe.resources("AWS::ApiGatewayV2::Api").values()
    assert api["Properties"]["DisableExecuteApiEndpoint"] is True
    (origin_domain,) = in_europe.resources("AWS::ApiGatewayV2::DomainName").values()
    assert origin_domain["Properties"]["DomainName"] == f"origin.{DOMAIN}"
    assert origin_domain["Properties"]["DomainNameConfigurations"][0]["SecurityPolicy"] == "TLS_1_2"
    assert in_europe.resources("AWS::ApiGatewayV2::ApiMapping")
    config = distribution_of(in_europe)
    (origin,) = config["Origins"]
    assert origin["DomainName"] == f"origin.{DOMAIN}"
    assert config["Aliases"] == [DOMAIN]
    assert config["ViewerCertificate"]["MinimumProtocolVersion"] == "TLSv1.2_2021"
    for reference in (config["WebACLId"], config["ViewerCertificate"]["AcmCertificateArn"]):
        assert reference["Fn::GetStackOutput"]["StackName"] == "Portside-dev-edge", reference
        assert reference["Fn::GetStackOutput"]["Region"] == "us-east-1"


def test_each_certificate_is_made_where_its_user_needs_it_and_validated_by_the_zone(in_europe: Synthesized) -> None:
    (edge_certificate,) = _of(in_europe.edge["Portside-dev-edge"], "AWS::CertificateManager::Certificate")
    (origin_certificate,) = _of(in_europe.template, "AWS::CertificateManager::Certificate")
    assert edge_certificate["Properties"]["DomainName"] == DOMAIN
    assert origin_certificate["Properties"]["DomainName"] == f"origin.{DOMAIN}"
    for certificate in (edge_certificate, origin_certificate):
        (validation,) = certificate["Properties"]["DomainValidationOptions"]
        assert validation["HostedZoneId"] == EU["hosted_zone_id"]
    records = in_europe.resources("AWS::Route53::RecordSet").values()
    assert sorted((r["Properties"]["Name"], r["Properties"]["Type"]) for r in records) == [
        (f"origin.{DOMAIN}.", "A"),
        (f"{DOMAIN}.", "A"),
        (f"{DOMAIN}.", "AAAA"),
    ]


def test_the_edges_alarms_act_on_topics_in_us_east_1_and_the_portals_on_its_own(in_europe: Synthesized) -> None:
    edge_alarms = _of(in_europe.edge["Portside-dev-edge-alarms"], "AWS::CloudWatch::Alarm")
    assert sorted(
        json.dumps(alarm).count("5xxErrorRate") + json.dumps(alarm).count("BlockedRequests") for alarm in edge_alarms
    ) == [1, 1]
    for alarm in edge_alarms:
        assert EU["edge_alarm_topic_arn"] in alarm["Properties"]["AlarmActions"]
        assert EU["alarm_topic_arn"] not in alarm["Properties"]["AlarmActions"]
    (distribution_id,) = [
        d["Value"] for a in edge_alarms for d in a["Properties"].get("Dimensions", []) if d["Name"] == "DistributionId"
    ]
    assert distribution_id["Fn::GetStackOutput"] | {"OutputName": None} == {
        "StackName": "Portside-dev",
        "Region": "eu-central-1",
        "OutputName": None,
    }
    for alarm in _of(in_europe.template, "AWS::CloudWatch::Alarm"):
        assert EU["alarm_topic_arn"] in alarm["Properties"]["AlarmActions"]
    (subscription,) = _of(in_europe.edge["Portside-dev-edge-alarms"], "AWS::SNS::Subscription")
    assert subscription["Properties"]["Endpoint"] == "oncall@northwind.example"


def test_without_a_zone_the_outputs_name_the_records_to_add(tmp_path: Path) -> None:
    synthesized = synthesize(tmp_path, region="eu-west-1", domain_name=DOMAIN, alarm_topic_arn=IRISH_TOPIC)

    assert not synthesized.resources("AWS::Route53::RecordSet")
    outputs = synthesized.template["Outputs"]
    assert outputs["PortalDnsRecord"]["Value"]["Fn::Join"][1][0] == f"{DOMAIN} CNAME "
    assert outputs["OriginDnsRecord"]["Value"]["Fn::Join"][1][0] == f"origin.{DOMAIN} CNAME "
    (api,) = synthesized.resources("AWS::ApiGatewayV2::Api").values()
    assert api["Properties"]["DisableExecuteApiEndpoint"] is True


def test_given_certificates_are_used_and_none_is_made(tmp_path: Path) -> None:
    edge_arn = "arn:aws:acm:us-east-1:123456789012:certificate/edge"
    origin_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/origin"
    synthesized = synthesize(
        tmp_path,
        region="eu-west-1",
        domain_name=DOMAIN,
        certificate_arn=edge_arn,
        origin_certificate_arn=origin_arn,
        alarm_topic_arn=IRISH_TOPIC,
    )

    assert not synthesized.resources("AWS::CertificateManager::Certificate")
    assert distribution_of(synthesized)["ViewerCertificate"]["AcmCertificateArn"] == edge_arn
    (origin_domain,) = synthesized.resources("AWS::ApiGatewayV2::DomainName").values()
    assert origin_domain["Properties"]["DomainNameConfigurations"][0]["CertificateArn"] == origin_arn


def test_without_a_domain_cloudfront_can_only_reach_the_execute_api_address(synthesized: Synthesized) -> None:
    (api,) = synthesized.resources("AWS::ApiGatewayV2::Api").values()
    assert not api["Properties"].get("DisableExecuteApiEndpoint")
    (origin,) = distribution_of(synthesized)["Origins"]
    assert "ApiEndpoint" in json.dumps(origin["DomainName"]), "the execute-api address's host"


def config_of(**context: Any) -> DeploymentConfig:
    return DeploymentConfig.from_context(App(context=context))


@pytest.mark.parametrize(
    ("context", "refusal"),
    [
        ({"region": "Frankfurt"}, "name an AWS region"),
        ({"domain_name": DOMAIN, "certificate_arn": "arn:aws:acm:eu-central-1:1:certificate/x"}, "not in us-east-1"),
        (
            {"region": "eu-west-1", "domain_name": DOMAIN, "origin_certificate_arn": "arn:aws:acm:us-east-1:1:c/x"},
            "not in eu-west-1",
        ),
        ({"region": "eu-west-1", "alarm_topic_arn": "arn:aws:sns:us-east-1:1:on-call"}, "not in eu-west-1"),
        ({"edge_alarm_topic_arn": "arn:aws:sns:eu-west-1:1:on-call"}, "not in us-east-1"),
        ({"domain_name": DOMAIN, "hosted_zone_id": "Z1"}, "go together"),
        ({"hosted_zone_id": "Z1", "hosted_zone_name": "northwind.example"}, "without 'domain_name'"),
        ({"certificate_arn": "arn:aws:acm:us-east-1:1:certificate/x"}, "without 'domain_name'"),
        ({"region": "eu-west-1", "alarm_topic_arn": "arn:aws:sns:eu-west-1:1:on-call"}, "set 'edge_alarm_topic_arn'"),
    ],
)
def test_settings_that_cannot_deploy_are_refused_with_the_key_to_change(context: dict[str, str], refusal: str) -> None:
    with pytest.raises(ConfigError, match=refusal):
        config_of(**context)


def test_the_region_is_the_contexts_else_the_cdks_default_else_us_east_1() -> None:
    assert config_of(region="eu-central-1").region == "eu-central-1"
    assert DeploymentConfig.from_context(App(context={}), default_region="ap-southeast-2").region == "ap-southeast-2"
    assert config_of().region == "us-east-1"
    assert config_of(alarm_topic_arn="arn:aws:sns:us-east-1:1:on-call").edge_alarm_topic_arn == (
        "arn:aws:sns:us-east-1:1:on-call"
    ), "in us-east-1 the on-call topic serves the edge's alarms too"
    mailed = config_of(region="eu-west-1", alarm_topic_arn="arn:aws:sns:eu-west-1:1:c", alarm_email="ops@n.example")
    assert mailed.edge_alarm_topic_arn is None, "the edge's alarms reach the mail, not a topic of another region"
