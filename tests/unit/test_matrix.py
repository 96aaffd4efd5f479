"""The permission matrix against the design's role table."""

from __future__ import annotations

import pytest

from portside.auth.matrix import ADMIN_ROLES, MATRIX, PARTNER_ROLES, RESOURCES, allows, hidden_fields


@pytest.mark.parametrize(
    ("role", "resource", "action", "expected"),
    [
        ("principal", "deals", "submit", True),
        ("salesperson", "deals", "submit", True),
        ("technical", "deals", "view", True),
        ("technical", "deals", "submit", False),
        ("principal", "questions", "ask", True),
        ("salesperson", "questions", "view", True),
        ("salesperson", "questions", "ask", False),
        ("technical", "questions", "ask", True),
        ("technical", "orders", "view", False),
        ("technical", "prices", "view", False),
        ("technical", "stock", "view", True),
        ("principal", "pricing_requests", "submit", True),
        ("salesperson", "pricing_requests", "submit", False),
        ("owner", "branding", "manage", True),
        ("ops", "branding", "manage", False),
        ("ops", "contacts", "invite", True),
        ("finance", "approvals", "decide", True),
        ("ops", "approvals", "decide", False),
        ("auditor", "audit_log", "export", True),
        ("auditor", "access_review", "review", True),
        ("auditor", "contacts", "manage", False),
        ("principal", "partners", "view", False),  # partner roles never reach admin resources
        ("nobody", "dashboard", "view", False),
    ],
)
def test_the_matrix_says_what_the_design_says(role: str, resource: str, action: str, expected: bool) -> None:
    assert allows(role, resource, action) is expected


def test_every_role_and_grant_names_a_known_resource_and_action() -> None:
    assert set(MATRIX) == set(PARTNER_ROLES) | set(ADMIN_ROLES)
    for role, grants in MATRIX.items():
        audience = "partner" if role in PARTNER_ROLES else "admin"
        for resource, grant in grants.items():
            assert RESOURCES[resource].audience == audience, (role, resource)
            assert grant.actions <= set(RESOURCES[resource].actions), (role, resource)


def test_the_auditor_changes_nothing() -> None:
    changing = {"manage", "invite", "end_sessions", "decide", "answer", "nudge", "retry"}
    assert all(not (grant.actions & changing) for grant in MATRIX["auditor"].values())


def test_the_owner_may_do_everything_an_admin_can() -> None:
    for name, resource in RESOURCES.items():
        if resource.audience == "admin":
            assert MATRIX["owner"][name].actions == set(resource.actions)


def test_killed_fields_are_hidden_from_every_partner_role_and_credit_limit_from_all_but_principals() -> None:
    for role in PARTNER_ROLES:
        assert {"unit_cost", "margin", "supplier", "internal_notes"} <= hidden_fields(role, "orders")
    assert "credit_limit" not in hidden_fields("principal", "account")
    assert "credit_limit" in hidden_fields("salesperson", "account")
    assert "credit_limit" in hidden_fields("technical", "account")
