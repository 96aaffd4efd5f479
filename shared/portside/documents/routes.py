"""The documents' lines: the console's spaces and their documents, and the partners' library and downloads."""

from __future__ import annotations

from portside.manifest.lines import Access, Feature, R, Route, W

documents = Feature("documents")
UPLOADS, FILES_WRITE, FILES_READ = Access.DOCUMENT_UPLOADS, Access.DOCUMENT_WRITE, Access.DOCUMENT_READ

ROUTES: tuple[Route, ...] = (
    documents.admin("admin_documents", "GET", "/admin/documents", (R,), ("document_spaces", "view")),
    documents.admin(
        "admin_document_space_new",
        "GET",
        "/admin/documents/new",
        (R,),
        ("document_spaces", "manage"),
    ),
    documents.admin(
        "admin_document_space_create",
        "POST",
        "/admin/documents",
        (W,),
        ("document_spaces", "manage"),
        form_page="/admin/documents/new",
    ),
    documents.admin(
        "admin_document_space_edit",
        "GET",
        "/admin/documents/{space_id}/edit",
        (R,),
        ("document_spaces", "manage"),
    ),
    documents.admin(
        "admin_document_space_update",
        "POST",
        "/admin/documents/{space_id}/edit",
        (W,),
        ("document_spaces", "manage"),
        form_page="/admin/documents/{space_id}/edit",
    ),
    # Literal segments win over parameters, so ".../edit" is never read as a document id.
    documents.admin(
        "admin_document_space",
        "GET",
        "/admin/documents/{space_id}",
        (R, UPLOADS),
        ("document_spaces", "view"),
    ),
    documents.admin(
        "admin_document_upload",
        "POST",
        "/admin/documents/{space_id}",
        (W, UPLOADS, FILES_WRITE),
        ("document_spaces", "manage"),
        form_page="/admin/documents/{space_id}",
    ),
    documents.admin(
        "admin_document",
        "GET",
        "/admin/documents/{space_id}/{document_id}",
        (R,),
        ("document_spaces", "view"),
    ),
    documents.admin(
        "admin_document_downloads_export",
        "GET",
        "/admin/documents/{space_id}/{document_id}/downloads.csv",
        (R,),
        ("document_spaces", "view"),
        kind="download",
    ),
    documents.admin(
        "admin_document_archive",
        "POST",
        "/admin/documents/{space_id}/{document_id}/archive",
        (W,),
        ("document_spaces", "manage"),
        form_page="/admin/documents/{space_id}/{document_id}",
    ),
    documents.partner("partner_documents", "GET", "/partners/documents", (R,), ("documents", "view")),
    documents.partner(
        "partner_document_download",
        "GET",
        "/partners/documents/{document_id}/download",
        (W, FILES_READ),
        ("documents", "download"),
        kind="download",
    ),
)
