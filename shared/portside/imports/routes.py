"""The imports' lines: the console's uploads, runs and keys, an ERP's pushes, and the import worker."""

from __future__ import annotations

from portside.manifest.lines import Access, Feature, R, Route, W, Worker

imports = Feature("imports")
UPLOADS, IMPORT_FILES = Access.DOCUMENT_UPLOADS, Access.IMPORT_FILES
# An import may read and write 50,000 rows: it has a worker of its own, with Lambda's longest timeout.
IMPORT_SECONDS = 15 * 60

ROUTES: tuple[Route, ...] = (
    imports.admin("admin_imports", "GET", "/admin/imports", (R, UPLOADS), ("imports", "view")),
    imports.admin(
        "admin_import_start",
        "POST",
        "/admin/imports",
        (W, UPLOADS, IMPORT_FILES),
        ("imports", "manage"),
        form_page="/admin/imports",
    ),
    imports.admin(
        "admin_import_template",
        "GET",
        "/admin/imports/templates/{kind}",
        (R,),
        ("imports", "view"),
        kind="download",
    ),
    imports.admin(
        "admin_import_report",
        "GET",
        "/admin/imports/{import_id}/rejected.csv",
        (R, IMPORT_FILES),
        ("imports", "view"),
        kind="download",
    ),
    imports.admin("admin_import", "GET", "/admin/imports/{import_id}", (R,), ("imports", "view")),
    imports.admin(
        "admin_import_held",
        "GET",
        "/admin/imports/{import_id}/held.csv",
        (R, IMPORT_FILES),
        ("imports", "view"),
        kind="download",
    ),
    # Only prices and accounts runs are ever held: deciding one is the right to import them.
    imports.admin(
        "admin_import_decide",
        "POST",
        "/admin/imports/{import_id}/decision",
        (W,),
        ("imports", "prices_accounts"),
        form_page="/admin/imports/{import_id}",
    ),
    imports.admin("admin_import_keys", "GET", "/admin/imports/keys", (R,), ("imports", "view")),
    imports.admin(
        "admin_import_key_create",
        "POST",
        "/admin/imports/keys",
        (W,),
        ("imports", "keys"),
        form_page="/admin/imports/keys",
    ),
    imports.admin(
        "admin_import_key_revoke",
        "POST",
        "/admin/imports/keys/{key_id}/revoke",
        (W,),
        ("imports", "keys"),
        form_page="/admin/imports/keys",
    ),
    # An ERP's pushes, signed with an import key (not a session): JSON in, JSON out. API Gateway wants one
    # name for the variable at one place in a path: a kind to POST to, an import's id to GET.
    imports.api("api_import_push", "POST", "/api/imports/{kind_or_id}", (W, IMPORT_FILES)),
    imports.api("api_import_status", "GET", "/api/imports/{kind_or_id}", (R,)),
)

WORKERS: tuple[Worker, ...] = (
    imports.worker(
        "importer",
        "table-stream",
        (W, IMPORT_FILES),
        item_types=("ImportJob",),
        timeout_seconds=IMPORT_SECONDS,
    ),
)
