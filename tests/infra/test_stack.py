"""The synthesized template: what the stack creates, and that each function may do only its manifest line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from infra.components.functions import (
    ACTIONS,
    EDGE_SECRET_ACTIONS,
    LOG_ACTIONS,
    ROUTE_MEMORY_MB,
    TRACE_ACTIONS,
    WORKER_MEMORY_MB,
)
from infra.placement import recorded, stacks_of
from infra.runtime_python import LAMBDA_PYTHON
from portside.manifest import ROUTES, STREAM_RETRY_ATTEMPTS, WORKERS, Audience
from tests.bench import cost
from tests.infra.conftest import Synthesized, synthesize

STREAM_READ = {"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"}
DLQ_SEND = {"sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"}


def functions_by_handler(synthesized: Synthesized) -> dict[str, dict[str, Any]]:
    return {
        f["Properties"]["Handler"].removesuffix(".handler"): f
        for f in synthesized.resources("AWS::Lambda::Function").values()
        if f["Properties"].get("Handler", "").startswith("functions.")
    }


def actions_of_role(synthesized: Synthesized, role_logical_id: str) -> list[str]:
    actions: list[str] = []
    for policy in synthesized.resources("AWS::IAM::Policy").values():
        if {"Ref": role_logical_id} in policy["Properties"]["Roles"]:
            for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
                found = statement["Action"]
                actions += [found] if isinstance(found, str) else found
    return actions


def test_one_function_per_route_and_worker_on_arm64_with_the_layers_python(synthesized: Synthesized) -> None:
    functions = functions_by_handler(synthesized)

    assert set(functions) == {route.handler for route in ROUTES} | {worker.handler for worker in WORKERS}
    for function in functions.values():
        properties = function["Properties"]
        assert properties["Runtime"] == f"python{LAMBDA_PYTHON}", "the Python the layer's wheels are locked for"
        assert properties["Architectures"] == ["arm64"]
        assert properties["TracingConfig"] == {"Mode": "Active"}
        assert properties["LoggingConfig"]["LogFormat"] == "JSON"
        assert len(properties["Layers"]) == 1
        variables = properties["Environment"]["Variables"]
        assert "resolve:secretsmanager" not in json.dumps(variables), "no secret in a function's configuration"
        assert "Ref" in variables["PORTSIDE_EDGE_SECRET_ARN"], "the secret's ARN: read at run time"


def test_every_route_is_an_api_route_to_its_own_function(synthesized: Synthesized) -> None:
    keys = {r["Properties"]["RouteKey"] for r in synthesized.resources("AWS::ApiGatewayV2::Route").values()}

    expected = set()
    for route in ROUTES:
        expected.add(route.route_key)
        if route.method == "GET":
            expected.add(f"HEAD {route.path}")
    assert keys == expected


def test_the_api_may_invoke_each_route_function_on_its_path_with_any_method(synthesized: Synthesized) -> None:
    """One permission a function (GET and HEAD share it), so each route costs its stack one resource fewer."""
    granted = [
        json.dumps(permission["Properties"]["SourceArn"])
        for permission in synthesized.resources("AWS::Lambda::Permission").values()
        if permission["Properties"]["Principal"] == "apigateway.amazonaws.com"
    ]
    assert len(granted) == len(ROUTES)
    assert sorted(arn.rsplit("/*/*", 1)[1].split('"')[0] for arn in granted) == sorted(route.path for route in ROUTES)


@pytest.mark.parametrize("line", [*ROUTES, *WORKERS], ids=lambda line: line.name)
def test_each_function_may_do_exactly_what_its_manifest_line_names(synthesized: Synthesized, line: Any) -> None:
    function = functions_by_handler(synthesized)[line.handler]
    actions = actions_of_role(synthesized, function["Properties"]["Role"]["Fn::GetAtt"][0])

    expected = set(LOG_ACTIONS) | set(TRACE_ACTIONS) | {a for access in line.access for a in ACTIONS[access]}
    if line in ROUTES:  # a route reads the edge's secret at run time (web/edge_secret.py)
        expected |= set(EDGE_SECRET_ACTIONS)
    if line in WORKERS:  # a worker sends what failed to the dead-letter queue
        expected |= DLQ_SEND | (STREAM_READ if line.source == "table-stream" else set())
    assert set(actions) == expected
    assert not any("*" in action for action in actions)
    assert "dynamodb:Scan" not in actions


def s3_resources_of(synthesized: Synthesized, handler: str) -> set[str]:
    """The object ARNs (as their suffix after the bucket ARN) a function's role may touch."""
    role = functions_by_handler(synthesized)[handler]["Properties"]["Role"]["Fn::GetAtt"][0]
    suffixes: set[str] = set()
    for policy in synthesized.resources("AWS::IAM::Policy").values():
        if {"Ref": role} not in policy["Properties"]["Roles"]:
            continue
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            actions = [statement["Action"]] if isinstance(statement["Action"], str) else statement["Action"]
            if any(action.startswith("s3:") for action in actions):
                resources = (
                    statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
                )
                suffixes |= {resource["Fn::Join"][1][-1] for resource in resources}
    return suffixes


def test_logo_grants_reach_only_their_prefixes(synthesized: Synthesized) -> None:
    assert s3_resources_of(synthesized, "functions.settings.brand_logo") == {"/brand/*"}
    assert s3_resources_of(synthesized, "functions.settings.admin_branding_update") == {"/uploads/*", "/brand/*"}
    assert s3_resources_of(synthesized, "functions.partners.admin_partners") == set()


def test_document_grants_reach_only_their_prefixes(synthesized: Synthesized) -> None:
    assert s3_resources_of(synthesized, "functions.documents.partner_document_download") == {"/documents/*"}
    assert s3_resources_of(synthesized, "functions.documents.admin_document_space") == {"/uploads/*"}
    assert s3_resources_of(synthesized, "functions.documents.admin_document_upload") == {"/uploads/*", "/documents/*"}
    assert s3_resources_of(synthesized, "functions.documents.partner_documents") == set()
    assert s3_resources_of(synthesized, "functions.documents.admin_document_archive") == set()


def test_functions_know_the_admin_pool_and_the_bucket(synthesized: Synthesized) -> None:
    environment = functions_by_handler(synthesized)["functions.admin_sign_in.admin_login"]["Properties"]["Environment"][
        "Variables"
    ]

    assert {"PORTSIDE_ADMIN_POOL_ID", "PORTSIDE_ADMIN_CLIENT_ID", "PORTSIDE_DOCUMENTS_BUCKET"} <= set(environment)


def test_the_table(synthesized: Synthesized) -> None:
    (table,) = synthesized.resources("AWS::DynamoDB::GlobalTable").values()
    properties = table["Properties"]

    assert properties["BillingMode"] == "PAY_PER_REQUEST"
    assert properties["StreamSpecification"] == {"StreamViewType": "NEW_IMAGE"}
    assert properties["TimeToLiveSpecification"] == {"AttributeName": "ttl", "Enabled": True}
    assert [k["AttributeName"] for k in properties["KeySchema"]] == ["PK", "SK"]
    assert [
        (i["IndexName"], [k["AttributeName"] for k in i["KeySchema"]]) for i in properties["GlobalSecondaryIndexes"]
    ] == [("GSI1", ["GSI1PK", "GSI1SK"]), ("GSI2", ["GSI2PK", "GSI2SK"])]
    (replica,) = properties["Replicas"]
    assert replica["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True
    assert replica["DeletionProtectionEnabled"] is True, "kept unless protect_data=false (test_deploy_paths)"


def test_the_documents_bucket(synthesized: Synthesized) -> None:
    buckets = synthesized.resources("AWS::S3::Bucket")
    (documents,) = [b for b in buckets.values() if "VersioningConfiguration" in b["Properties"]]
    properties = documents["Properties"]

    assert properties["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    }
    assert properties["VersioningConfiguration"] == {"Status": "Enabled"}
    assert properties["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert "LoggingConfiguration" in properties
    rules = properties["LifecycleConfiguration"]["Rules"]
    assert any("NoncurrentVersionExpiration" in rule for rule in rules)
    assert any(rule.get("Prefix") == "uploads/" and rule.get("ExpirationInDays") == 1 for rule in rules)
    assert properties["CorsConfiguration"]["CorsRules"][0]["AllowedMethods"] == ["POST"]
    policies = [p for p in synthesized.resources("AWS::S3::BucketPolicy").values()]
    assert any(
        s["Effect"] == "Deny" and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
        for p in policies
        for s in p["Properties"]["PolicyDocument"]["Statement"]
    )


def test_the_admin_user_pool(synthesized: Synthesized) -> None:
    (pool,) = synthesized.resources("AWS::Cognito::UserPool").values()
    properties = pool["Properties"]

    assert properties["MfaConfiguration"] == "ON"
    assert properties["EnabledMfas"] == ["SOFTWARE_TOKEN_MFA"]
    assert properties["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    assert properties["Policies"]["PasswordPolicy"]["MinimumLength"] >= 14
    assert synthesized.resources("AWS::Cognito::UserPoolGroup") == {}  # roles are memberships, never pool groups
    (client,) = synthesized.resources("AWS::Cognito::UserPoolClient").values()
    assert client["Properties"]["GenerateSecret"] is False


def test_each_stream_worker_retries_bisects_dead_letters_and_wakes_for_its_own_items(synthesized: Synthesized) -> None:
    functions = {logical: f for logical, f in synthesized.resources("AWS::Lambda::Function").items()}
    woken: dict[str, str] = {}
    for mapping in synthesized.resources("AWS::Lambda::EventSourceMapping").values():
        properties = mapping["Properties"]
        assert properties["BisectBatchOnFunctionError"] is True
        assert properties["MaximumRetryAttempts"] == STREAM_RETRY_ATTEMPTS  # the local feeder retries as often
        assert properties["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
        assert "OnFailure" in properties["DestinationConfig"]
        target = functions[properties["FunctionName"]["Ref"]]["Properties"]
        woken[target["Handler"]] = json.dumps(properties["FilterCriteria"])
    stream_workers = [worker for worker in WORKERS if worker.source == "table-stream"]
    assert len(woken) == len(stream_workers)
    for worker in stream_workers:
        (filters,) = [criteria for handler, criteria in woken.items() if handler.startswith(worker.handler)]
        assert all(kind in filters for kind in worker.item_types)
    assert "ImportJob" not in woken["functions.delivery.mail_sender.handler"]
    (queue,) = synthesized.resources("AWS::SQS::Queue").values()
    assert queue["Properties"]["SqsManagedSseEnabled"] is True


def test_every_alarm_says_where_its_runbook_entry_is_and_the_entry_is_there(synthesized: Synthesized) -> None:
    runbook = (Path(__file__).resolve().parents[2] / "docs" / "runbook.md").read_text()
    entries = {heading.strip().lower() for heading in re.findall(r"^## (.+)$", runbook, re.MULTILINE)}
    for alarm in synthesized.resources("AWS::CloudWatch::Alarm").values():
        (entry,) = re.findall(r"What to do: docs/runbook\.md#(\S+)$", alarm["Properties"]["AlarmDescription"])
        assert entry in entries, f"docs/runbook.md has no '## ' entry for {entry}"


def test_each_stream_worker_keeps_five_of_the_accounts_concurrency(synthesized: Synthesized) -> None:
    functions = functions_by_handler(synthesized)
    for worker in WORKERS:
        expected = 5 if worker.source == "table-stream" else 1
        assert functions[worker.handler]["Properties"]["ReservedConcurrentExecutions"] == expected, worker.name
    assert not any("ReservedConcurrentExecutions" in functions[route.handler]["Properties"] for route in ROUTES)


def test_the_import_worker_may_run_fifteen_minutes_on_its_own_prefix(synthesized: Synthesized) -> None:
    importer = functions_by_handler(synthesized)["functions.imports.importer"]

    assert importer["Properties"]["Timeout"] == 900
    assert s3_resources_of(synthesized, "functions.imports.importer") == {"/imports/*"}
    assert s3_resources_of(synthesized, "functions.imports.admin_import_start") == {"/uploads/*", "/imports/*"}
    assert s3_resources_of(synthesized, "functions.imports.admin_import_report") == {"/imports/*"}


def test_alarms_and_dashboard(synthesized: Synthesized) -> None:
    alarms = synthesized.resources("AWS::CloudWatch::Alarm")
    functions = len(ROUTES) + len(WORKERS)

    groups = -(-functions // 10)  # functions are watched ten to an alarm
    streams = len([worker for worker in WORKERS if worker.source == "table-stream"])
    # API 5xx; errors and throttles per group; each stream's delay; the table's throttles and errors; dead letters;
    # SES bounces; CloudFront's 5xx and the WAF's blocks.
    assert len(alarms) == 1 + 2 * groups + streams + 2 + 1 + 1 + 2
    metrics = json.dumps(alarms)
    watched = {
        name
        for alarm in alarms.values()
        for name in re.findall(r"in: (.*?)\. What to do", alarm["Properties"]["AlarmDescription"])
    }
    assert {n for line in watched for n in line.split(", ")} == {line.name for line in (*ROUTES, *WORKERS)}
    for metric in ("Reputation.BounceRate", "ApproximateNumberOfMessagesVisible", "IteratorAge", "SystemErrors"):
        assert metric in metrics
    for metric in ("ReadThrottleEvents", "WriteThrottleEvents", "5xxErrorRate", "BlockedRequests"):
        assert metric in metrics
    assert all(len(a["Properties"]["AlarmActions"]) == 2 for a in alarms.values()), "the topic and the on-call's"
    assert {"arn:aws:sns:us-east-1:123456789012:on-call"} <= {
        action for a in alarms.values() for action in a["Properties"]["AlarmActions"] if isinstance(action, str)
    }
    assert synthesized.resources("AWS::CloudWatch::Dashboard")
    watched_metrics = sum(
        1 if "MetricName" in a["Properties"] else sum("MetricStat" in m for m in a["Properties"]["Metrics"])
        for a in alarms.values()
    )
    assert watched_metrics == cost.alarm_metrics(functions, streams), "the bench's monthly cost counts them"
    (subscription,) = synthesized.resources("AWS::SNS::Subscription").values()
    assert subscription["Properties"]["Endpoint"] == "oncall@northwind.example"


def test_cloudfront_sends_the_secrets_version_a_rotation_names(synthesized: Synthesized) -> None:
    (distribution,) = synthesized.resources("AWS::CloudFront::Distribution").values()
    (origin,) = distribution["Properties"]["DistributionConfig"]["Origins"]
    (header,) = origin["OriginCustomHeaders"]

    assert header["HeaderName"] == "x-origin-verify"
    assert json.dumps(header["HeaderValue"]).endswith(':SecretString:::v-rotated}}"]]}'), header["HeaderValue"]


def test_the_edge_has_waf_with_a_sign_in_rate_limit(synthesized: Synthesized) -> None:
    (acl,) = synthesized.resources("AWS::WAFv2::WebACL").values()
    rules = {rule["Name"]: rule for rule in acl["Properties"]["Rules"]}

    assert acl["Properties"]["Scope"] == "CLOUDFRONT"
    assert {"AWSManagedRulesCommonRuleSet", "SignInRateLimit"} <= set(rules)
    assert "/partners/login" in json.dumps(rules["SignInRateLimit"])
    (distribution,) = synthesized.resources("AWS::CloudFront::Distribution").values()
    config = distribution["Properties"]["DistributionConfig"]
    assert config["WebACLId"]
    assert config["DefaultCacheBehavior"]["ViewerProtocolPolicy"] == "redirect-to-https"
    assert config["DefaultCacheBehavior"]["FunctionAssociations"]
    (origin,) = config["Origins"]
    assert [h["HeaderName"] for h in origin["OriginCustomHeaders"]] == ["x-origin-verify"]
    assert "resolve:secretsmanager" in json.dumps(origin["OriginCustomHeaders"])


def test_checkovs_acknowledgements_travel_with_their_resources_each_with_its_reason(synthesized: Synthesized) -> None:
    """``make checkov`` (in CI) fails on any finding not acknowledged; here, that each is where it belongs."""
    from infra.components.checkov import BY_TYPE

    for template in synthesized.templates:
        for name, resource in template["Resources"].items():
            skipped = resource.get("Metadata", {}).get("checkov", {}).get("skip", [])
            assert all(len(entry["comment"]) > 40 for entry in skipped), f"{name}: an acknowledgement says why"
            expected = {check for check, _ in BY_TYPE.get(resource["Type"], ())}
            assert expected <= {entry["id"] for entry in skipped}, name


def test_cfn_lint_finds_no_errors(synthesized: Synthesized) -> None:
    templates = [str(path) for path in synthesized.outdir.glob("*.template.json")]
    assert len(templates) == 1 + len(synthesized.nested) + len(synthesized.edge)
    answer = subprocess.run(
        [sys.executable, "-m", "cfnlint", "--format", "json", "--", *templates], capture_output=True, text=True
    )
    findings = json.loads(answer.stdout or "[]")
    errors = [f for f in findings if f["Level"] == "Error"]
    assert errors == [], json.dumps(errors, indent=2)


def test_an_unacknowledged_finding_fails_the_synth(tmp_path: Path) -> None:
    from aws_cdk import App, Stack, Validations
    from aws_cdk import aws_s3 as s3
    from cdk_nag import AwsSolutionsChecks

    app = App(outdir=str(tmp_path))
    s3.Bucket(Stack(app, "Careless"), "Bucket")  # no TLS policy, no access logs
    Validations.of(app).add_plugins(AwsSolutionsChecks(app))

    with pytest.raises(RuntimeError, match=r"ValidationFailed[\s\S]*AwsSolutions-S10"):
        app.synth()


def test_a_federated_oidc_provider_keeps_its_secret_out_of_the_template(tmp_path: Path) -> None:
    provider = {
        "kind": "oidc",
        "name": "Okta",
        "issuer_url": "https://northwind.okta.example",
        "client_id": "portside",
        "client_secret_name": "portside/okta-client-secret",
        "groups_claim": "groups",
        "domain_prefix": "northwind-console",
        "callback_hosts": ["partners.northwind.example"],
    }
    synthesized = synthesize(tmp_path, identity_provider=provider, edge="false")
    (idp,) = synthesized.resources("AWS::Cognito::UserPoolIdentityProvider").values()

    assert idp["Properties"]["ProviderType"] == "OIDC"
    assert "resolve:secretsmanager:portside/okta-client-secret" in json.dumps(idp["Properties"]["ProviderDetails"])
    assert idp["Properties"]["AttributeMapping"] == {"email": "email", "custom:groups": "groups"}


def test_single_sign_on_runs_the_code_flow_through_the_pools_hosted_domain(tmp_path: Path) -> None:
    provider = {
        "kind": "saml",
        "name": "EntraID",
        "display_name": "Northwind Microsoft account",
        "metadata_url": "https://login.microsoftonline.example/federationmetadata.xml",
        "groups_claim": "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups",
        "domain_prefix": "northwind-console",
        "callback_hosts": ["partners.northwind.example", "portal.globex.example"],
    }
    synthesized = synthesize(tmp_path, identity_provider=provider, edge="false")

    (client,) = synthesized.resources("AWS::Cognito::UserPoolClient").values()
    properties = client["Properties"]
    assert properties["GenerateSecret"] is False and "EntraID" in json.dumps(properties["SupportedIdentityProviders"])
    assert properties["AllowedOAuthFlows"] == ["code"] and properties["AllowedOAuthFlowsUserPoolClient"] is True
    assert sorted(properties["AllowedOAuthScopes"]) == ["email", "openid", "profile"]
    assert properties["CallbackURLs"] == [
        "https://partners.northwind.example/admin/login/sso/callback",
        "https://portal.globex.example/admin/login/sso/callback",
    ]
    (domain,) = synthesized.resources("AWS::Cognito::UserPoolDomain").values()
    assert domain["Properties"]["Domain"] == "northwind-console"
    (pool,) = synthesized.resources("AWS::Cognito::UserPool").values()
    assert {"Name": "groups", "AttributeDataType": "String", "Mutable": True} in [
        {k: a[k] for k in ("Name", "AttributeDataType", "Mutable")} for a in pool["Properties"]["Schema"]
    ]
    (idp,) = synthesized.resources("AWS::Cognito::UserPoolIdentityProvider").values()
    assert idp["Properties"]["AttributeMapping"]["custom:groups"] == provider["groups_claim"]
    for function in functions_by_handler(synthesized).values():
        variables = function["Properties"]["Environment"]["Variables"]
        assert variables["PORTSIDE_ADMIN_SSO_NAME"] == "Northwind Microsoft account"
        assert variables["PORTSIDE_ADMIN_SSO_PROVIDER"] == "EntraID"
        assert "northwind-console.auth." in json.dumps(variables["PORTSIDE_ADMIN_SSO_DOMAIN"])


def test_without_single_sign_on_the_app_client_runs_no_oauth_flow(synthesized: Synthesized) -> None:
    (client,) = synthesized.resources("AWS::Cognito::UserPoolClient").values()
    assert "AllowedOAuthFlows" not in client["Properties"] and "CallbackURLs" not in client["Properties"]
    assert synthesized.resources("AWS::Cognito::UserPoolDomain") == {}


def scheduled(synthesized: Synthesized, worker: str) -> dict:
    (handler,) = [line.handler for line in WORKERS if line.name == worker]
    (function,) = [
        name
        for name, function in synthesized.resources("AWS::Lambda::Function").items()
        if function["Properties"].get("Handler") == f"{handler}.handler"
    ]
    (rule,) = [
        rule
        for rule in synthesized.resources("AWS::Events::Rule").values()
        if rule["Properties"]["Targets"][0]["Arn"] == {"Fn::GetAtt": [function, "Arn"]}
    ]
    (target,) = rule["Properties"]["Targets"]
    assert target["RetryPolicy"]["MaximumRetryAttempts"] == 2 and "DeadLetterConfig" in target
    (invoke,) = [
        config["Properties"]
        for config in synthesized.resources("AWS::Lambda::EventInvokeConfig").values()
        if config["Properties"]["FunctionName"] == {"Ref": function}
    ]
    (queue,) = synthesized.resources("AWS::SQS::Queue")
    assert invoke["MaximumRetryAttempts"] == 2, "a run that fails in the function is retried twice"
    assert invoke["DestinationConfig"]["OnFailure"]["Destination"] == {"Fn::GetAtt": [queue, "Arn"]}
    assert target["DeadLetterConfig"]["Arn"] == {"Fn::GetAtt": [queue, "Arn"]}, "one queue for every failure"
    reserved = synthesized.resources("AWS::Lambda::Function")[function]["Properties"]["ReservedConcurrentExecutions"]
    assert reserved == 1, "one run at a time"
    return rule["Properties"]  # type: ignore[no-any-return]


def test_the_deal_protection_job_runs_daily_with_retries_and_dead_letters(synthesized: Synthesized) -> None:
    assert scheduled(synthesized, "deal_protection")["ScheduleExpression"] == "cron(0 5 * * ? *)"


def test_the_outbox_sweeper_runs_every_two_minutes_with_retries_and_dead_letters(synthesized: Synthesized) -> None:
    assert scheduled(synthesized, "mail_sweeper")["ScheduleExpression"] == "rate(2 minutes)"


def test_each_stack_keeps_room_under_cloudformations_500_resources(synthesized: Synthesized) -> None:
    """Each route costs about nine resources, in its audience's nested stacks; this fails before a deploy would."""
    placed = recorded()
    assert len(synthesized.nested) == sum(stacks_of(audience, placed) for audience in Audience)
    for template in synthesized.templates:
        assert len(template["Resources"]) <= 450, "lower ROUTES_PER_STACK in infra/placement.py"


def test_route_functions_get_the_memory_their_cold_start_needs(synthesized: Synthesized) -> None:
    memory = {
        handler: function["Properties"]["MemorySize"] for handler, function in functions_by_handler(synthesized).items()
    }
    assert {memory[route.handler] for route in ROUTES} == {ROUTE_MEMORY_MB}
    assert {memory[worker.handler] for worker in WORKERS} == {WORKER_MEMORY_MB}
    assert not any("SnapStart" in function["Properties"] for function in functions_by_handler(synthesized).values())
