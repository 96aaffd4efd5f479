"""Documents: the console's document spaces, as the owner."""

from __future__ import annotations

import re
from typing import Any

from tests.bench.scenarios import Scenario, get

SPACE = {"name": "Bench guides", "partners": "all", "roles": "technical"}


def scenarios(portal: Any) -> dict[str, Scenario]:
    portal.admin_sign_in("owner@northwind.example")

    def csrf() -> str:
        return str(portal.admin_csrf())

    def created_space() -> str:
        portal.admin_post("/admin/documents", SPACE)
        listed = portal.get("/admin/documents").body
        found = re.findall(r'href="/admin/documents/([0-9a-f]{32})/edit"', listed)
        assert found, "no space listed"
        return str(found[0])

    space_id = created_space()

    def edit_form() -> dict[str, str]:
        version = portal.get(f"/admin/documents/{space_id}/edit").field("version")
        return {"csrf_token": csrf(), **SPACE, "version": version}

    return {
        "admin_documents": get(portal, "/admin/documents"),
        "admin_document_space_new": get(portal, "/admin/documents/new"),
        "admin_document_space_create": (
            lambda: {"csrf_token": csrf(), **SPACE},
            lambda data: portal.post("/admin/documents", data),
        ),
        "admin_document_space_edit": get(portal, f"/admin/documents/{space_id}/edit"),
        "admin_document_space_update": (edit_form, lambda data: portal.post(f"/admin/documents/{space_id}/edit", data)),
    }
