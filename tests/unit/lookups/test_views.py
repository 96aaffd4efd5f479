"""Partner views of ERP data carry no killed field: the kill list holds by construction, not by care."""

from __future__ import annotations

from dataclasses import fields

import pytest

from portside.auth.matrix import KILL_LIST, PRINCIPAL_ONLY_FIELDS, RESOURCES
from portside.lookups.views import PARTNER_VIEWS, AccountView, availability, tracking_url


@pytest.mark.parametrize("view", PARTNER_VIEWS, ids=lambda view: view.__name__)
def test_no_partner_view_has_a_killed_field(view: type) -> None:
    names = {field.name for field in fields(view)}
    allowed = PRINCIPAL_ONLY_FIELDS if view is AccountView else frozenset()
    assert not names & (KILL_LIST | PRINCIPAL_ONLY_FIELDS) - allowed, f"{view.__name__} carries {names & KILL_LIST}"


def test_the_account_page_is_for_principals_only() -> None:
    """AccountView carries the credit limit: the matrix must keep its resource to the principal."""
    from portside.auth.matrix import allows

    assert RESOURCES["account"].audience == "partner"
    assert [role for role in ("principal", "salesperson", "technical") if allows(role, "account", "view")] == [
        "principal"
    ]


@pytest.mark.parametrize(
    ("available", "next_delivery", "said"),
    [
        (400, None, "In stock"),
        (11, None, "In stock"),
        (10, None, "Low stock"),
        (1, "2026-12-02", "Low stock"),
        (0, "2026-12-02", "Out of stock — next delivery 2 Dec"),
        (0, None, "Out of stock"),
    ],
)
def test_stock_in_words(available: int, next_delivery: str | None, said: str) -> None:
    assert availability(available, next_delivery) == said


def test_tracking_links_come_from_the_carriers_template_and_escape_the_number() -> None:
    assert tracking_url("UPS", "1Z999") == "https://www.ups.com/track?tracknum=1Z999"
    assert tracking_url("ups", "1Z 9&x=<y>") == "https://www.ups.com/track?tracknum=1Z%209%26x%3D%3Cy%3E"
    assert tracking_url("Pigeon post", "123") is None and tracking_url("DHL", None) is None


def test_each_import_kinds_checks_take_exactly_its_documented_columns() -> None:
    from portside.imports.columns import COLUMNS, EXAMPLE_ROWS
    from portside.imports.rows import ROW_MODELS, parse_row

    for kind, model in ROW_MODELS.items():
        assert tuple(model.model_fields) == COLUMNS[kind], kind
        row, problems = parse_row(kind, EXAMPLE_ROWS[kind])
        assert row is not None and problems == [], f"the {kind} template's example row must pass: {problems}"
