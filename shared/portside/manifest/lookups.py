"""Self-serve lookups: the partners' orders, stock, prices and account; the console's orders and ERP imports."""

from __future__ import annotations

from portside.manifest.lines import API, Access, R, Route, W, admin, partner

UPLOADS, IMPORT_FILES = Access.DOCUMENT_UPLOADS, Access.IMPORT_FILES


ROUTES: tuple[Route, ...] = (
    partner("partner_orders", "GET", "/partners/orders", "orders_list", (R,), ("orders", "view")),
    partner("partner_order", "GET", "/partners/orders/{order_number}", "order_show", (R,), ("orders", "view")),
    partner("partner_stock", "GET", "/partners/stock", "stock", (R,), ("stock", "view")),
    partner("partner_prices", "GET", "/partners/prices", "prices", (R,), ("prices", "view")),
    partner(
        "partner_prices_export",
        "GET",
        "/partners/prices.csv",
        "prices_export",
        (R,),
        ("prices", "export"),
        kind="download",
    ),
    partner("partner_account", "GET", "/partners/account", "account", (R,), ("account", "view")),
    admin("admin_orders", "GET", "/admin/orders", "orders", (R,), ("order_data", "view")),
    admin(
        "admin_order", "GET", "/admin/orders/{partner_id}/{order_number}", "order_show", (R,), ("order_data", "view")
    ),
    admin("admin_imports", "GET", "/admin/imports", "imports", (R, UPLOADS), ("imports", "view")),
    admin(
        "admin_import_start",
        "POST",
        "/admin/imports",
        "import_start",
        (W, UPLOADS, IMPORT_FILES),
        ("imports", "manage"),
        form_page="/admin/imports",
    ),
    admin(
        "admin_import_template",
        "GET",
        "/admin/imports/templates/{kind}",
        "import_template",
        (R,),
        ("imports", "view"),
        kind="download",
    ),
    admin(
        "admin_import_report",
        "GET",
        "/admin/imports/{import_id}/rejected.csv",
        "import_report",
        (R, IMPORT_FILES),
        ("imports", "view"),
        kind="download",
    ),
    admin("admin_import", "GET", "/admin/imports/{import_id}", "import_show", (R,), ("imports", "view")),
    admin(
        "admin_import_held",
        "GET",
        "/admin/imports/{import_id}/held.csv",
        "import_held",
        (R, IMPORT_FILES),
        ("imports", "view"),
        kind="download",
    ),
    # Only prices and accounts runs are ever held: deciding one is the right to import them.
    admin(
        "admin_import_decide",
        "POST",
        "/admin/imports/{import_id}/decision",
        "import_decide",
        (W,),
        ("imports", "prices_accounts"),
        form_page="/admin/imports/{import_id}",
    ),
    admin("admin_import_keys", "GET", "/admin/imports/keys", "import_keys", (R,), ("imports", "view")),
    admin(
        "admin_import_key_create",
        "POST",
        "/admin/imports/keys",
        "import_key_create",
        (W,),
        ("imports", "keys"),
        form_page="/admin/imports/keys",
    ),
    admin(
        "admin_import_key_revoke",
        "POST",
        "/admin/imports/keys/{key_id}/revoke",
        "import_key_revoke",
        (W,),
        ("imports", "keys"),
        form_page="/admin/imports/keys",
    ),
    # An ERP's pushes, signed with an import key (not a session): JSON in, JSON out. API Gateway wants one
    # name for the variable at one place in a path: a kind to POST to, an import's id to GET.
    Route(
        "api_import_push",
        "POST",
        "/api/imports/{kind_or_id}",
        "functions.api.import_push",
        API,
        (W, IMPORT_FILES),
        kind="json",
    ),
    Route(
        "api_import_status", "GET", "/api/imports/{kind_or_id}", "functions.api.import_status", API, (R,), kind="json"
    ),
)
