"""The audit log speaks in names, offers its actors and actions as lists, and matches part of a name."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from typing import Any

import pytest

from portside.audit_log.names import ACTION_GROUPS, ACTIONS
from tests.functional.audit_log.test_log import actions_in
from tests.functional.portal import Portal

SHARED = Path(__file__).resolve().parents[3] / "shared" / "portside"
AUDITOR = "auditor@northwind.example"


def recorded_actions(root: Path = SHARED) -> set[str]:
    """Every action an ``audit_event`` call in the code (under ``root``) names outright."""
    found = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            is_call = isinstance(node, ast.Call) and getattr(node.func, "id", None) == "audit_event"
            if is_call and len(node.args) > 2 and isinstance(node.args[2], ast.Constant):
                found.add(node.args[2].value)
    return found


def test_every_action_the_code_records_has_a_name_in_the_list() -> None:
    recorded = recorded_actions()
    assert len(recorded) > 50, "the walk finds the code's audit_event calls"
    assert recorded - set(ACTIONS) == set()
    assert all(any(action.startswith(group) for action in ACTIONS) for group in ACTION_GROUPS)


FEATURE_LISTS = sorted(path.parent for path in SHARED.glob("*/audit_actions.py"))


@pytest.mark.parametrize("feature", FEATURE_LISTS, ids=lambda path: path.name)
def test_a_feature_names_the_actions_it_records_in_its_own_list(feature: Path) -> None:
    own = importlib.import_module(f"portside.{feature.name}.audit_actions").ACTIONS
    assert recorded_actions(feature) and recorded_actions(feature) <= set(own)
    assert all(ACTIONS[action] == label for action, label in own.items()), "gathered as the feature has them"


def test_no_two_features_name_the_same_action() -> None:
    lists = [importlib.import_module(f"portside.{feature.name}.audit_actions").ACTIONS for feature in FEATURE_LISTS]
    assert len({action for own in lists for action in own}) == sum(len(own) for own in lists)
    assert "portside/imports" in {f"{path.parent.name}/{path.name}" for path in FEATURE_LISTS}


def test_the_log_names_people_and_records(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("principal@acme.example")
    portal.jar.clear()
    portal.admin_sign_in(AUDITOR)

    body = portal.get("/admin/audit").body

    assert "Acme Principal (contact)" in body and "contact:acme-principal" in body
    assert "Signed in" in body and "auditor@northwind.example (admin)" in body
    assert '<option value="admin:ops@northwind.example">ops@northwind.example (admin)</option>' in body
    assert '<option value="security.">Every refusal (security)</option>' in body


def test_the_about_filter_matches_part_of_a_name(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("principal@acme.example")
    portal.jar.clear()
    portal.sign_in("principal@globex.example")
    portal.jar.clear()
    portal.admin_sign_in(AUDITOR)

    by_name = portal.get("/admin/audit?target=acme+princ").body

    assert actions_in(by_name) and "Globex Principal" not in by_name and "Acme Principal (contact)" in by_name


def test_a_bad_date_range_keeps_what_was_typed_and_never_says_nothing_was_recorded(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.admin_sign_in(AUDITOR)

    refused = portal.get("/admin/audit?since=2026-11-22&until=2026-11-01&target=acme&action=contact.")

    assert refused.status == 400
    assert 'value="2026-11-22"' in refused.body and 'value="2026-11-01"' in refused.body
    assert 'value="acme"' in refused.body and '<option value="contact." selected>' in refused.body
    assert "Nothing has been recorded" not in refused.body and 'href="#until"' in refused.body
