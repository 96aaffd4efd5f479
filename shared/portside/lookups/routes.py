"""The lookups' lines: the partners' orders, stock, prices and account; the console's orders."""

from __future__ import annotations

from portside.manifest.lines import Feature, R, Route

lookups = Feature("lookups")

ROUTES: tuple[Route, ...] = (
    lookups.partner("partner_orders", "GET", "/partners/orders", (R,), ("orders", "view")),
    lookups.partner("partner_order", "GET", "/partners/orders/{order_number}", (R,), ("orders", "view")),
    lookups.partner("partner_stock", "GET", "/partners/stock", (R,), ("stock", "view")),
    lookups.partner("partner_prices", "GET", "/partners/prices", (R,), ("prices", "view")),
    lookups.partner(
        "partner_prices_export",
        "GET",
        "/partners/prices.csv",
        (R,),
        ("prices", "export"),
        kind="download",
    ),
    lookups.partner("partner_account", "GET", "/partners/account", (R,), ("account", "view")),
    lookups.admin("admin_orders", "GET", "/admin/orders", (R,), ("order_data", "view")),
    lookups.admin("admin_order", "GET", "/admin/orders/{partner_id}/{order_number}", (R,), ("order_data", "view")),
)
