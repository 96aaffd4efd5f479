"""AWS WAF for CloudFront: AWS's managed common and known-bad-input rules, and a rate limit on sign-in.

A CloudFront web ACL lives in us-east-1 whatever region the portal runs in, so this is built in the
edge stack (``infra/edge_stacks.py``) and its ARN travels to the portal's stack.
"""

from __future__ import annotations

from aws_cdk import aws_wafv2 as waf
from constructs import Construct

SIGN_IN_PATHS = ("/partners/login", "/partners/auth/", "/admin/login")
SIGN_IN_REQUESTS_PER_5_MINUTES = 100


def web_acl_name_for(stage: str) -> str:
    """Named, so that its metrics can be watched; CloudFront's web ACLs share one namespace per account."""
    return f"portside-{stage}-edge"  # -edge: a stage's earlier ACL, in its own stack, may keep its name while it goes


def _visibility(name: str) -> waf.CfnWebACL.VisibilityConfigProperty:
    return waf.CfnWebACL.VisibilityConfigProperty(
        cloud_watch_metrics_enabled=True, metric_name=name, sampled_requests_enabled=True
    )


def _managed(name: str, priority: int) -> waf.CfnWebACL.RuleProperty:
    return waf.CfnWebACL.RuleProperty(
        name=name,
        priority=priority,
        override_action=waf.CfnWebACL.OverrideActionProperty(none={}),
        statement=waf.CfnWebACL.StatementProperty(
            managed_rule_group_statement=waf.CfnWebACL.ManagedRuleGroupStatementProperty(vendor_name="AWS", name=name)
        ),
        visibility_config=_visibility(name),
    )


def _sign_in_rate_limit(priority: int) -> waf.CfnWebACL.RuleProperty:
    paths = [
        waf.CfnWebACL.StatementProperty(
            byte_match_statement=waf.CfnWebACL.ByteMatchStatementProperty(
                field_to_match=waf.CfnWebACL.FieldToMatchProperty(uri_path={}),
                positional_constraint="STARTS_WITH",
                search_string=path,
                text_transformations=[waf.CfnWebACL.TextTransformationProperty(priority=0, type="LOWERCASE")],
            )
        )
        for path in SIGN_IN_PATHS
    ]
    return waf.CfnWebACL.RuleProperty(
        name="SignInRateLimit",
        priority=priority,
        action=waf.CfnWebACL.RuleActionProperty(block={}),
        statement=waf.CfnWebACL.StatementProperty(
            rate_based_statement=waf.CfnWebACL.RateBasedStatementProperty(
                limit=SIGN_IN_REQUESTS_PER_5_MINUTES,
                aggregate_key_type="IP",
                scope_down_statement=waf.CfnWebACL.StatementProperty(
                    or_statement=waf.CfnWebACL.OrStatementProperty(statements=paths)
                ),
            )
        ),
        visibility_config=_visibility("SignInRateLimit"),
    )


class Firewall(Construct):
    def __init__(self, scope: Construct, construct_id: str, stage: str) -> None:
        super().__init__(scope, construct_id)
        self.web_acl = waf.CfnWebACL(
            self,
            "WebAcl",
            name=web_acl_name_for(stage),
            scope="CLOUDFRONT",
            default_action=waf.CfnWebACL.DefaultActionProperty(allow={}),
            rules=[
                _managed("AWSManagedRulesCommonRuleSet", 0),
                _managed("AWSManagedRulesKnownBadInputsRuleSet", 1),
                _sign_in_rate_limit(2),
            ],
            visibility_config=_visibility("portside"),
        )
