"""The console's document spaces pages: owners and ops set up who may see what; auditors read."""

from __future__ import annotations

import re
from typing import Any

from tests.functional.portal import Portal

OWNER, AUDITOR = "owner@northwind.example", "auditor@northwind.example"


def space_ids(portal: Portal) -> list[str]:
    return re.findall(r'href="/admin/documents/([0-9a-f]{32})"', portal.get("/admin/documents").body)


def test_an_owner_sets_up_a_space_for_chosen_partners_and_roles(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OWNER)
    assert 'href="/admin/documents"' in portal.get("/admin").body, "Documents is in the console's navigation"
    assert "No document spaces yet" in portal.get("/admin/documents").body

    created = portal.post(
        "/admin/documents",
        {
            "csrf_token": portal.admin_csrf(),
            "name": "Acme co-marketing",
            "description": "Logos and campaign kits.",
            "partners": "chosen",
            "partner_ids": ["acme"],  # type: ignore[dict-item]
            "roles": ["principal", "salesperson"],  # type: ignore[dict-item]
        },
    )

    assert created.status == 303 and created.location == "/admin/documents?notice=created"
    listed = portal.get("/admin/documents").body
    assert "Acme co-marketing" in listed and "Acme" in listed and "principal, salesperson" in listed
    (space_id,) = space_ids(portal)
    form = portal.get(f"/admin/documents/{space_id}/edit").body
    assert re.search(r'name="roles" value="salesperson" checked', form)
    assert not re.search(r'name="roles" value="technical" checked', form)
    assert re.search(r'name="partner_ids" value="acme" checked', form)


def test_a_refused_space_keeps_every_box_that_was_ticked(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OWNER)
    form = {"csrf_token": portal.admin_csrf(), "name": "", "partners": "chosen", "partner_ids": ["acme", "globex"]}

    shown = portal.post("/admin/documents", form)  # type: ignore[arg-type]

    assert shown.status == 400
    assert "Give the space a name" in shown.body and "Choose at least one role" in shown.body
    assert re.search(r'name="partner_ids" value="acme" checked', shown.body)
    assert re.search(r'name="partner_ids" value="globex" checked', shown.body)
    assert space_ids(portal) == []


def test_a_save_over_someone_elses_is_refused_with_the_form_kept(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OWNER)
    portal.admin_post("/admin/documents", {"name": "Guides", "roles": "technical"})
    (space_id,) = space_ids(portal)
    read_at = portal.get(f"/admin/documents/{space_id}/edit").field("version")
    first = {"name": "Technical guides", "roles": "technical", "version": read_at}
    assert portal.admin_post(f"/admin/documents/{space_id}/edit", first).status == 303

    late = portal.admin_post(f"/admin/documents/{space_id}/edit", {**first, "name": "Lost edit"})

    assert late.status == 409 and 'value="Lost edit"' in late.body
    assert "Technical guides" in portal.get("/admin/documents").body


def test_the_auditor_reads_the_spaces_and_changes_none(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OWNER)
    portal.admin_post("/admin/documents", {"name": "Guides", "roles": "technical"})
    portal.admin_sign_in(AUDITOR)

    listed = portal.get("/admin/documents")

    assert listed.status == 200 and "Guides" in listed.body and "Add a space" not in listed.body
    assert portal.get("/admin/documents/new").status == 403
    assert portal.admin_post("/admin/documents", {"name": "Mine", "roles": "technical"}).status == 403
