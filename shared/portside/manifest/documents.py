"""Documents: the console's spaces and their documents, and the partners' library and downloads."""

from __future__ import annotations

from portside.manifest.lines import PARTNER, Access, R, Route, W, admin

UPLOADS, FILES_WRITE, FILES_READ = Access.DOCUMENT_UPLOADS, Access.DOCUMENT_WRITE, Access.DOCUMENT_READ

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
        "/admin/documents/{space_id}/edit",
        "document_space_update",
        (W,),
        ("document_spaces", "manage"),
        form_page="/admin/documents/{space_id}/edit",
    ),
    # Literal segments win over parameters, so ".../edit" is never read as a document id.
    admin(
        "admin_document_space",
        "GET",
        "/admin/documents/{space_id}",
        "document_space",
        (R, UPLOADS),
        ("document_spaces", "view"),
    ),
    admin(
        "admin_document_upload",
        "POST",
        "/admin/documents/{space_id}",
        "document_upload",
        (W, UPLOADS, FILES_WRITE),
        ("document_spaces", "manage"),
        form_page="/admin/documents/{space_id}",
    ),
    admin(
        "admin_document",
        "GET",
        "/admin/documents/{space_id}/{document_id}",
        "document_show",
        (R,),
        ("document_spaces", "view"),
    ),
    admin(
        "admin_document_downloads_export",
        "GET",
        "/admin/documents/{space_id}/{document_id}/downloads.csv",
        "document_downloads_export",
        (R,),
        ("document_spaces", "view"),
        kind="download",
    ),
    admin(
        "admin_document_archive",
        "POST",
        "/admin/documents/{space_id}/{document_id}/archive",
        "document_archive",
        (W,),
        ("document_spaces", "manage"),
        form_page="/admin/documents/{space_id}/{document_id}",
    ),
    Route(
        "partner_documents",
        "GET",
        "/partners/documents",
        "functions.partners.documents",
        PARTNER,
        (R,),
        permission=("documents", "view"),
    ),
    Route(
        "partner_document_download",
        "GET",
        "/partners/documents/{document_id}/download",
        "functions.partners.document_download",
        PARTNER,
        (W, FILES_READ),
        permission=("documents", "download"),
        kind="download",
    ),
)
