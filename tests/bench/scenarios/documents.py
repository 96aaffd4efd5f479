"""Documents: the console's spaces and documents as the owner; the library and a download as a technical contact."""

from __future__ import annotations

import re
from typing import Any

from tests.bench.scenarios import Scenario, as_contact, get

SPACE = {"name": "Bench guides", "partners": "all", "roles": "technical"}


def scenarios(portal: Any) -> dict[str, Scenario]:
    from tests.functional.documents.helpers import PDF, upload

    portal.admin_sign_in("owner@northwind.example")

    def csrf() -> str:
        return str(portal.admin_csrf())

    def created_space() -> str:
        portal.admin_post("/admin/documents", SPACE)
        listed = portal.get("/admin/documents").body
        found = re.findall(r'href="/admin/documents/([0-9a-f]{32})"', listed)
        assert found, "no space listed"
        return str(found[0])

    space_id = created_space()

    def edit_form() -> dict[str, str]:
        version = portal.get(f"/admin/documents/{space_id}/edit").field("version")
        return {"csrf_token": csrf(), **SPACE, "version": version}

    def upload_form() -> dict[str, str]:
        back = upload(portal, space_id, "guide.pdf", PDF, "Installation guide")
        return {"csrf_token": csrf(), "title": "Installation guide", "upload_key": back.field("upload_key")}

    def as_tech() -> None:
        as_contact(portal, "tech@acme.example")

    archived = {"now": "no"}

    def archive_form() -> dict[str, str]:
        archived["now"] = "yes" if archived["now"] == "no" else "no"
        return {"csrf_token": csrf(), "archived": archived["now"]}

    def saved(title: str) -> str:
        form = {**upload_form(), "title": title}
        assert portal.post(f"/admin/documents/{space_id}", form).status == 303, "the bench document was not saved"
        listed = portal.get(f"/admin/documents/{space_id}").body
        return re.findall(rf'href="/admin/documents/{space_id}/([0-9a-f]{{32}})">{title}<', listed)[0]

    document_id = saved("Installation guide")
    document = f"/admin/documents/{space_id}/{document_id}"
    to_archive = f"/admin/documents/{space_id}/{saved('Archived and restored')}"  # the download's stays visible

    return {
        "admin_document_space": get(portal, f"/admin/documents/{space_id}"),
        "admin_document_upload": (upload_form, lambda data: portal.post(f"/admin/documents/{space_id}", data)),
        "admin_document": get(portal, document),
        "admin_document_downloads_export": get(portal, f"{document}/downloads.csv"),
        "admin_document_archive": (archive_form, lambda data: portal.post(f"{to_archive}/archive", data)),
        "partner_documents": (as_tech, lambda _: portal.get("/partners/documents")),
        "partner_document_download": (as_tech, lambda _: portal.get(f"/partners/documents/{document_id}/download")),
        "admin_documents": get(portal, "/admin/documents"),
        "admin_document_space_new": get(portal, "/admin/documents/new"),
        "admin_document_space_create": (
            lambda: {"csrf_token": csrf(), **SPACE},
            lambda data: portal.post("/admin/documents", data),
        ),
        "admin_document_space_edit": get(portal, f"/admin/documents/{space_id}/edit"),
        "admin_document_space_update": (edit_form, lambda data: portal.post(f"/admin/documents/{space_id}/edit", data)),
    }
