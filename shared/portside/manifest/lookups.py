"""Self-serve lookups: the partners' orders, stock, prices and account; the console's orders."""

from __future__ import annotations

from portside.manifest.lines import R, Route, admin, partner

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
)
