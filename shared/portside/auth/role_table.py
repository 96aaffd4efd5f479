"""The role tables of the admin help page, read off the permission matrix (never written by hand)."""

from __future__ import annotations

from dataclasses import dataclass

from portside.auth.matrix import ADMIN_ROLES, MATRIX, PARTNER_ROLES, RESOURCES


@dataclass(frozen=True)
class Cell:
    actions: tuple[str, ...]  # in the resource's own order; empty: no access
    note: str


@dataclass(frozen=True)
class Row:
    resource: str
    label: str
    cells: tuple[Cell, ...]  # one per role, in the table's role order


@dataclass(frozen=True)
class RoleTable:
    title: str
    roles: tuple[str, ...]
    rows: tuple[Row, ...]


def _row(resource: str, roles: tuple[str, ...]) -> Row:
    definition = RESOURCES[resource]
    cells = []
    for role in roles:
        grant = MATRIX[role].get(resource)
        actions = tuple(a for a in definition.actions if grant and a in grant.actions)
        cells.append(Cell(actions, grant.note if grant else ""))
    return Row(resource, definition.label, tuple(cells))


def role_tables() -> tuple[RoleTable, ...]:
    tables = []
    for title, audience, roles in (("Partner roles", "partner", PARTNER_ROLES), ("Admin roles", "admin", ADMIN_ROLES)):
        resources = [name for name, r in RESOURCES.items() if r.audience == audience]
        tables.append(RoleTable(title, roles, tuple(_row(name, roles) for name in resources)))
    return tuple(tables)
