"""The columns of each kind of ERP import, documented and offered as templates; no checks here (no pydantic).

Each kind's columns are fixed: a file must have every one of them (an optional one may be empty),
and no other. ``rows`` checks the rows; a unit test holds its models to these columns.
"""

from __future__ import annotations

import csv

COLUMNS: dict[str, tuple[str, ...]] = {
    "orders": (
        "order_number",
        "po_number",
        "partner_id",
        "status",
        "placed_on",
        "eta",
        "carrier",
        "tracking_number",
        "currency",
        "sku",
        "description",
        "quantity",
        "unit_price",
        "unit_cost",
        "margin",
        "supplier",
        "internal_notes",
    ),
    "stock": (
        "sku",
        "name",
        "category",
        "available",
        "next_delivery_on",
        "next_delivery_quantity",
        "cost_price",
        "supplier",
        "supplier_sku",
    ),
    "prices": (
        "sku",
        "product_name",
        "tier",
        "partner_id",
        "list_price",
        "price",
        "currency",
        "min_quantity",
        "valid_from",
        "valid_to",
    ),
    "accounts": ("partner_id", "credit_limit", "balance", "currency", "payment_terms"),
}
EXAMPLE_ROWS: dict[str, dict[str, str]] = {
    "orders": {
        "order_number": "SO-10042",
        "po_number": "ACME-PO-7731",
        "partner_id": "acme",
        "status": "shipped",
        "placed_on": "2026-11-17",
        "eta": "2026-11-26",
        "carrier": "UPS",
        "tracking_number": "1Z999AA10123456784",
        "currency": "USD",
        "sku": "NW-SRV-1001",
        "description": "Rack server R740",
        "quantity": "2",
        "unit_price": "1200.00",
        "unit_cost": "900.00",
        "margin": "300.00",
        "supplier": "Contoso Components",
        "internal_notes": "Ships from the east warehouse",
    },
    "stock": {
        "sku": "NW-SRV-1001",
        "name": "Rack server R740",
        "category": "Servers",
        "available": "25",
        "next_delivery_on": "2026-12-02",
        "next_delivery_quantity": "50",
        "cost_price": "900.00",
        "supplier": "Contoso Components",
        "supplier_sku": "CC-R740",
    },
    "prices": {
        "sku": "NW-SRV-1001",
        "product_name": "Rack server R740",
        "tier": "gold",
        "list_price": "1500.00",
        "price": "1200.00",
        "currency": "USD",
        "min_quantity": "1",
        "valid_from": "2026-01-01",
        "valid_to": "",
    },
    "accounts": {
        "partner_id": "acme",
        "credit_limit": "250000.00",
        "balance": "12840.00",
        "currency": "USD",
        "payment_terms": "30 days net",
    },
}
LABELS = {"orders": "Orders", "stock": "Stock", "prices": "Prices", "accounts": "Accounts"}


def first_row_problem(kind: str, head: bytes) -> str | None:
    """What is wrong with the header row at the start of a file, read from its first bytes; None when it is
    right, or when the row runs past them (the run checks the whole file again)."""
    line, found, _ = head.partition(b"\n")
    if not found:
        return None
    try:
        text = line.decode("utf-8-sig").rstrip("\r")
    except UnicodeDecodeError:
        return "The file is not UTF-8 text. Save it from the spreadsheet as CSV UTF-8."
    return header_problem(kind, next(csv.reader([text]), []))


def header_problem(kind: str, header: list[str]) -> str | None:
    """What is wrong with a file's header row for ``kind``, in words; None if it is right."""
    given = [name.strip().lstrip("\ufeff") for name in header]
    missing = [name for name in COLUMNS[kind] if name not in given]
    unknown = [name for name in given if name not in COLUMNS[kind]]
    if not missing and not unknown and len(set(given)) == len(given):
        return None
    parts = []
    if missing:
        parts.append(f"missing columns: {', '.join(missing)}")
    if unknown:
        parts.append(f"unknown columns: {', '.join(unknown)}")
    if len(set(given)) != len(given):
        parts.append("a column named twice")
    return f"The header row does not match the {LABELS[kind]} template ({'; '.join(parts)}). Download the template."
