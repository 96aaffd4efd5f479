"""ERP imports: a CSV uploaded to S3, started by ops, run by the import worker, reported and audited."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from infra.local import demo_lookups, seed
from portside.data import reads
from portside.data.models.records import AuditEvent
from portside.imports import runs
from portside.imports.columns import COLUMNS, EXAMPLE_ROWS
from portside.imports.jobs import imports_page
from portside.imports.models import ImportLock
from portside.lookups.models.catalogue import Account, PriceEntry, Product
from portside.lookups.models.orders import Order
from tests.functional.imports.helpers import csv_text, latest_job, run_imports, start, upload
from tests.functional.portal import Portal

OPS, FINANCE = "ops@northwind.example", "finance@northwind.example"


@pytest.fixture
def ops(portal: Portal, admin_pool: dict[str, Any]) -> Portal:
    portal.admin_sign_in(OPS)
    return portal


def stock_row(sku: str, **changes: str) -> dict[str, str]:
    return {**EXAMPLE_ROWS["stock"], "sku": sku, "name": f"Product {sku}", **changes}


def order_rows(number: str, po: str, **changes: str) -> list[dict[str, str]]:
    base = {**EXAMPLE_ROWS["orders"], "order_number": number, "po_number": po, **changes}
    return [base, {**base, "sku": "NW-ACC-1001", "description": "Docking station", "quantity": "3"}]


def test_an_import_of_stock_creates_then_a_reimport_changes_nothing_and_says_so(ops: Portal) -> None:
    content = csv_text(COLUMNS["stock"], [stock_row(f"IMP-{n}") for n in range(1, 4)])

    started = start(ops, content, "stock")
    assert started.status == 303 and started.location == "/admin/imports?notice=started"
    waiting = ops.get("/admin/imports").body
    assert "Waiting to start" in waiting and '<a class="action" href="/admin/imports">refresh</a>' in waiting
    assert 'http-equiv="refresh"' not in waiting, "nothing reloads under a reader (axe: meta-refresh)"
    assert run_imports() == ["done"]
    first = latest_job()
    assert (first.created, first.updated, first.unchanged, first.rejected) == (3, 0, 0, 0)
    assert Product.get(*Product.keys_for(seed.TENANT_ID, "IMP-2")).available == 25

    start(ops, content, "stock")
    run_imports()
    again = latest_job()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    page = ops.get("/admin/imports").body
    assert "Done: nothing changed" in page and ">refresh</a>" not in page
    events = [e for e in AuditEvent.query(AuditEvent.partition_of(seed.TENANT_ID)) if e.action == "import.done"]
    assert len(events) == 2 and events[-1].details["unchanged"] == 3


def test_bad_rows_of_every_kind_are_reported_with_line_column_and_reason(ops: Portal) -> None:
    rows = [
        stock_row("GOOD-1"),
        stock_row("", available="3"),
        stock_row("BAD-2", available="-1"),
        stock_row("BAD-3", cost_price="12.345"),
        stock_row("BAD-4", next_delivery_on="2026-02-30"),
        stock_row("BAD 5"),
        stock_row("BAD-6", name="line\nbreak"),
    ]
    start(ops, csv_text(COLUMNS["stock"], rows), "stock")

    assert run_imports() == ["done"]
    job = latest_job()
    assert (job.created, job.rejected) == (1, 6)
    report = ops.get(f"/admin/imports/{job.import_id}/rejected.csv")
    assert report.status == 303 and parse_qs(urlsplit(report.location).query)["X-Amz-Expires"] == ["60"]
    lines = list(csv.DictReader(io.StringIO(requests.get(report.location, timeout=5).text)))
    assert [(row["line"], row["column"]) for row in lines] == [
        ("3", "sku"),
        ("4", "available"),
        ("5", "cost_price"),
        ("6", "next_delivery_on"),
        ("7", "sku"),
        ("8", "name"),
    ]
    assert "two decimals" in lines[2]["reason"]
    assert lines[1]["reason"] == 'Available must be a whole number from 0 to 1000000000; this row has "-1"'
    assert lines[3]["reason"] == 'Next delivery on must be a date like 2026-12-31; this row has "2026-02-30"'
    page = ops.get(f"/admin/imports/{job.import_id}").body
    assert "Rows not imported" in page and "this row has &#34;2026-02-30&#34;" in page.replace("&quot;", "&#34;")
    assert "Input should be" not in page, "the validation library's words stay out"


def test_orders_prices_and_accounts_import_and_unknown_partners_are_refused(ops: Portal) -> None:
    orders = order_rows("SO-55001", "ACME-PO-1") + order_rows("SO-55002", "X-1", partner_id="nobody")
    start(ops, csv_text(COLUMNS["orders"], orders), "orders")
    finance = ops
    finance.jar.clear()
    finance.admin_sign_in(FINANCE)  # prices and accounts are finance's to import
    prices = [
        {**EXAMPLE_ROWS["prices"], "sku": "IMP-1"},
        {**EXAMPLE_ROWS["prices"], "sku": "IMP-1", "tier": "", "partner_id": "acme", "price": "1111.00"},
        {**EXAMPLE_ROWS["prices"], "sku": "IMP-2", "tier": "", "partner_id": ""},
    ]
    # Within the demo's four-eyes thresholds (30% off the list price, a $50,000 credit change): applied at once.
    accounts = [
        {**EXAMPLE_ROWS["accounts"], "credit_limit": "50000.00"},
        {**EXAMPLE_ROWS["accounts"], "partner_id": "globex", "balance": "x"},
    ]
    run_imports()
    start(finance, csv_text(COLUMNS["prices"], prices), "prices")
    run_imports()
    start(finance, csv_text(COLUMNS["accounts"], accounts), "accounts")
    run_imports()

    order = Order.get(*Order.keys_for(seed.TENANT_ID, "acme", "SO-55001"))
    assert len(order.lines) == 2 and int(order.total) == 2 * 120000 + 3 * 120000
    own = PriceEntry.partition_of(seed.TENANT_ID, "partner:acme"), PriceEntry.sort_of("IMP-1", 1, "2026-01-01")
    assert PriceEntry.get(*own).price == 111100
    assert Account.get(*Account.keys_for(seed.TENANT_ID, "acme")).credit_limit == 5000000
    done = [e for e in AuditEvent.query(AuditEvent.partition_of(seed.TENANT_ID)) if e.action == "import.done"]
    # Two order lines of an unknown partner; a price with neither scope; a balance that is no amount.
    assert [(e.details["kind"], e.details["rejected"]) for e in done] == [("orders", 2), ("prices", 1), ("accounts", 1)]


@pytest.mark.parametrize(("who", "kind"), [(OPS, "prices"), (OPS, "accounts"), (FINANCE, "orders"), (FINANCE, "stock")])
def test_each_kind_is_imported_by_its_own_role_only(
    portal: Portal, admin_pool: dict[str, Any], who: str, kind: str
) -> None:
    """Prices and accounts are finance's (as pricing and credit requests are), orders and stock ops'."""
    portal.admin_sign_in(who)
    uploaded = upload(portal, csv_text(COLUMNS[kind], [EXAMPLE_ROWS[kind]]), kind)

    refused = portal.admin_post("/admin/imports", {"kind": kind, "upload_key": uploaded.field("upload_key")})
    bare = portal.admin_post("/admin/imports", {"kind": kind, "upload_key": "", "junk": "\x00"})

    assert refused.status == 403 and bare.status == 403, "refused whatever else the form holds"
    assert f'<option value="{kind}"' not in portal.get("/admin/imports").body
    assert imports_page(reads.tenant(seed.TENANT_ID), None).items == []  # type: ignore[arg-type]


def test_a_reimported_order_keeps_its_history_and_tells_the_dashboard(ops: Portal) -> None:
    start(ops, csv_text(COLUMNS["orders"], order_rows("SO-55010", "ACME-PO-55010", status="confirmed")), "orders")
    run_imports()
    moved = order_rows("SO-55010", "ACME-PO-55010", status="shipped", eta="2026-12-30")
    start(ops, csv_text(COLUMNS["orders"], moved), "orders")
    run_imports()

    order = Order.get(*Order.keys_for(seed.TENANT_ID, "acme", "SO-55010"))
    assert [event.what for event in order.history] == ["Confirmed", "Shipped", "ETA moved to 30 Dec"]
    ops.sign_in("sales@acme.example")
    assert "SO-55010: Shipped" in ops.get("/partners/dashboard").body
    assert "SO-55010" in ops.get("/partners/orders?q=acme-po-55010").body


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"sku,name\nA,B\n", "The header row does not match the Stock template (missing columns: category"),
        (",".join(COLUMNS["stock"]).encode() + b"\n", "The file has its header row but no rows."),
        ("\ufeffsku;name\nA;B\n".encode(), "missing columns"),
    ],
)
def test_a_file_that_is_no_import_of_its_kind_is_refused_whole(ops: Portal, content: bytes, said: str) -> None:
    back = upload(ops, content, "")  # the kind chosen only at the start, so the run is what checks the file
    ops.admin_post("/admin/imports", {"kind": "stock", "upload_key": back.field("upload_key")})

    assert run_imports() == ["failed"]
    assert said in (latest_job().problem or "") and "Not imported" in ops.get("/admin/imports").body


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"sku,name\nA,B\n", "The header row does not match the Stock template (missing columns: category"),
        ("\ufeffsku;name\r\nA;B\r\n".encode(), "missing columns"),
    ],
)
def test_a_file_whose_header_is_not_its_kinds_is_refused_at_the_upload(ops: Portal, content: bytes, said: str) -> None:
    back = upload(ops, content, "stock")

    assert said in back.body and 'name="upload_key"' not in back.body and "Uploaded and checked" not in back.body


def test_a_header_row_longer_than_the_first_bytes_read_is_left_to_the_run() -> None:
    from portside.imports.columns import first_row_problem

    assert first_row_problem("stock", b"sku," + b"x" * 9000) is None
    assert first_row_problem("stock", ",".join(COLUMNS["stock"]).encode() + b"\r\nA") is None
    assert (
        first_row_problem("stock", b"\xff\xfe\n")
        == "The file is not UTF-8 text. Save it from the spreadsheet as CSV UTF-8."
    )


@pytest.mark.parametrize("content", [b"", "sku".encode("utf-16"), b"%PDF-1.4 not a table"])
def test_a_file_that_is_no_csv_is_refused_at_the_upload(ops: Portal, content: bytes) -> None:
    back = upload(ops, content, "stock")

    assert "erp.csv is not a CSV file (UTF-8 text)" in back.body and 'name="upload_key"' not in back.body


def test_a_second_import_of_a_kind_waits_for_the_first(ops: Portal) -> None:
    content = csv_text(COLUMNS["stock"], [stock_row("IMP-1")])
    assert start(ops, content, "stock").status == 303

    second = start(ops, content, "stock")
    orders = start(ops, csv_text(COLUMNS["orders"], order_rows("SO-55009", "PO-9")), "orders")

    assert second.status == 409 and "An import of this kind is still running" in second.body
    assert orders.status == 303, "another kind is not held up"
    assert run_imports() == ["done", "done"]
    assert list(ImportLock.scan()) == []
    assert start(ops, content, "stock").status == 303


def test_a_file_of_50000_rows_is_imported_by_the_worker(ops: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [stock_row(f"BULK-{n:05d}") for n in range(50_000)]
    start(ops, csv_text(COLUMNS["stock"], rows), "stock")

    began = time.perf_counter()
    assert run_imports() == ["done"]
    job = latest_job()

    assert (job.created, job.rows_total, job.rows_done, job.rejected) == (50_000, 50_000, 50_000, 0)
    assert Product.get(*Product.keys_for(seed.TENANT_ID, "BULK-49999")).name == "Product BULK-49999"
    print(f"50,000 rows in {time.perf_counter() - began:.1f} s against the in-process emulator")


def test_the_auditor_reads_imports_and_starts_none(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in("auditor@northwind.example")

    page = portal.get("/admin/imports")
    template = portal.get("/admin/imports/templates/prices")

    assert page.status == 200 and "Import a file" not in page.body
    assert template.status == 200 and template.body.splitlines()[0] == ",".join(COLUMNS["prices"])
    assert portal.get("/admin/imports/templates/secrets").status == 404
    assert portal.admin_post("/admin/imports", {"kind": "stock", "upload_key": "x"}).status == 403


def test_the_readmes_sample_orders_file_imports_with_one_rejected_row(ops: Portal) -> None:
    sample = (Path(demo_lookups.__file__).parent / "demo" / "sample-orders.csv").read_bytes()

    start(ops, sample, "orders", "sample-orders.csv")
    assert run_imports() == ["done"]
    job = latest_job()
    ops.sign_in("sales@acme.example")

    assert (job.created, job.rejected) == (3, 1)
    assert "SO-10100" in ops.get("/partners/orders?q=ACME-PO-8800").body
    assert "SO-20100" not in ops.get("/partners/orders?show=all").body, "Globex's order is Globex's"


def test_an_orders_lines_may_be_anywhere_in_its_file(ops: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runs, "CHUNK", 2)  # other kinds apply two rows at a time; orders must not
    first, second = order_rows("SO-55020", "ACME-PO-55020")
    between = [row for number in range(3) for row in order_rows(f"SO-5503{number}", f"P-{number}")]
    start(ops, csv_text(COLUMNS["orders"], [first, *between, second]), "orders")

    assert run_imports() == ["done"]
    assert len(Order.get(*Order.keys_for(seed.TENANT_ID, "acme", "SO-55020")).lines) == 2
