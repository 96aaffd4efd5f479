"""Rules of the console that need no AWS: the role table, brand colours, safe destinations, cursors."""

from __future__ import annotations

import base64
import json

import pytest

from portside.admin_sign_in.password_and_code import safe_admin_next
from portside.auth.matrix import MATRIX, RESOURCES
from portside.auth.principal import AdminPrincipal
from portside.auth.role_table import role_tables
from portside.data.models.contacts import Contact
from portside.data.pages import decode_cursor, encode_cursor
from portside.errors import InvalidInput
from portside.settings.colours import contrast_with_white, readable_under_white_text


def test_the_role_table_says_exactly_what_the_matrix_grants() -> None:
    partner_table, admin_table = role_tables()

    for table in (partner_table, admin_table):
        for row in table.rows:
            for role, cell in zip(table.roles, row.cells, strict=True):
                grant = MATRIX[role].get(row.resource)
                assert set(cell.actions) == (set(grant.actions) if grant else set())
    assert {row.resource for row in admin_table.rows} == {n for n, r in RESOURCES.items() if r.audience == "admin"}


def test_an_admin_with_several_roles_may_do_what_any_of_them_may() -> None:
    both = AdminPrincipal("northwind", "a@northwind.example", ("auditor", "finance"), "h", "c")

    assert both.may("approvals", "decide") and both.may("audit_log", "export")
    assert not both.may("branding", "manage") and not both.may("contacts", "invite")


@pytest.mark.parametrize(
    ("colour", "readable"),
    [
        ("#ffffff", False),
        ("#ffff00", False),
        ("#767676", True),
        ("#777777", False),
        ("#0f5b7a", True),
        ("#000000", True),
    ],
)
def test_brand_colours_must_carry_white_text(colour: str, readable: bool) -> None:
    assert readable_under_white_text(colour) is readable


def test_contrast_matches_the_wcag_reference_values() -> None:
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(
    ("asked", "allowed"),
    [
        ("/admin/partners/acme", "/admin/partners/acme"),
        ("/admin", "/admin"),
        ("//evil.example/admin/", None),
        ("https://evil.example/admin/x", None),
        ("/partners/dashboard", None),
        ("/admin/logout", None),
        ("/admin/\\evil", None),
    ],
)
def test_after_sign_in_only_console_pages_are_destinations(asked: str, allowed: str | None) -> None:
    assert safe_admin_next(asked) == allowed


def test_a_cursor_only_continues_the_list_it_came_from() -> None:
    key = {"PK": {"S": "T#northwind#AUDIT"}, "SK": {"S": "2026-11-22T08:00:00+00:00#e1"}}
    cursor = encode_cursor(key)

    assert decode_cursor(cursor, None, "T#northwind#AUDIT") == key
    with pytest.raises(InvalidInput):
        decode_cursor(cursor, None, "T#globex#AUDIT")  # another tenant's log
    with pytest.raises(InvalidInput):
        decode_cursor(cursor, "GSI1", "T#northwind#AUDIT")  # not a key of that index


@pytest.mark.parametrize(
    "key",
    [
        {"PK": {"N": "1"}},
        {"PK": {"S": "T#northwind#AUDIT"}},  # part of a key
        {"PK": {"S": "T#northwind#AUDIT"}, "SK": {"N": "1"}},
        {"PK": {"S": "T#northwind#AUDIT"}, "SK": {"S": "x"}, "GSI1PK": {"S": "x"}},  # more than the key
        ["PK", "SK"],
    ],
)
def test_a_cursor_holding_anything_but_one_whole_key_is_refused(key: object) -> None:
    forged = base64.urlsafe_b64encode(json.dumps(key).encode()).decode()
    for broken in (forged, "not base64 at all!", "x" * 5000):
        with pytest.raises(InvalidInput):
            decode_cursor(broken, None, "T#northwind#AUDIT")


def test_contacts_sort_by_status_then_activity_in_their_index() -> None:
    from datetime import UTC, datetime

    moment = datetime(2026, 11, 22, tzinfo=UTC)
    keys = [Contact.activity_sort_key(status, moment, "c") for status in ("disabled", "active", "invited")]

    assert sorted(keys) == list(reversed(keys))  # invited, then active, then disabled


def test_the_closest_section_is_the_current_one() -> None:
    from portside.web.navigation import navigation

    ops = AdminPrincipal("northwind", "ops@northwind.example", ("ops",), "h", "c")

    def current(path: str) -> list[str]:
        return [item.label for item in navigation(ops, path) if item.current]

    assert current("/admin/partners/questions/abc") == ["Questions"]
    assert current("/admin/partners/acme") == ["Partners"]
    assert current("/admin/engagement") == ["Engagement"]
    assert current("/admin") == []
