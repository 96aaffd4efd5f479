"""Documents: the console's document spaces."""

from __future__ import annotations

from portside.manifest.lines import R, Route, W, admin

ROUTES: tuple[Route, ...] = (
    admin("admin_documents", "GET", "/admin/documents", "documents_list", (R,), ("document_spaces", "view")),
    admin(
        "admin_document_space_new",
        "GET",
        "/admin/documents/new",
        "document_space_new",
        (R,),
        ("document_spaces", "manage"),
    ),
    admin(
        "admin_document_space_create",
        "POST",
        "/admin/documents",
        "document_space_create",
        (W,),
        ("document_spaces", "manage"),
        form_page="/admin/documents/new",
    ),
    admin(
        "admin_document_space_edit",
        "GET",
        "/admin/documents/{space_id}/edit",
        "document_space_edit",
        (R,),
        ("document_spaces", "manage"),
    ),
    admin(
        "admin_document_space_update",
        "POST",
        "/admin/documents/{space_id}",
        "document_space_update",
        (W,),
        ("document_spaces", "manage"),
        form_page="/admin/documents/{space_id}/edit",
    ),
)
