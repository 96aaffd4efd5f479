"""Lookups: a salesperson's orders, stock and prices, the principal's account; the console's orders as finance."""

from __future__ import annotations

from typing import Any

from tests.bench.scenarios import Scenario, as_contact


def scenarios(portal: Any) -> dict[str, Scenario]:
    from infra.local import demo_lookups

    demo_lookups.seed_lookups()

    def as_sales() -> None:
        as_contact(portal, "sales@acme.example")

    def as_principal() -> None:
        as_contact(portal, "principal@acme.example")

    def as_finance() -> None:
        portal.admin_sign_in("finance@northwind.example")

    return {
        "partner_orders": (as_sales, lambda _: portal.get("/partners/orders")),
        "partner_orders:search": (as_sales, lambda _: portal.get("/partners/orders?q=ACME-PO-7731")),
        "partner_order": (as_sales, lambda _: portal.get("/partners/orders/SO-10042")),
        "partner_stock": (as_sales, lambda _: portal.get("/partners/stock?q=NW-SRV-10")),
        "partner_prices": (as_sales, lambda _: portal.get("/partners/prices")),
        "partner_prices_export": (as_sales, lambda _: portal.get("/partners/prices.csv")),
        "partner_account": (as_principal, lambda _: portal.get("/partners/account")),
        "admin_orders": (as_finance, lambda _: portal.get("/admin/orders?partner=acme")),
        "admin_order": (as_finance, lambda _: portal.get("/admin/orders/acme/SO-10042")),
    }
