"""Lookups: a salesperson's orders, stock and prices, the principal's account; the console's orders as finance;
imports as ops, and the import worker on a file of ``IMPORT_ROWS`` stock rows (rows per second: that over its time)."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.bench.scenarios import Scenario, as_contact

IMPORT_ROWS = 1000


def scenarios(portal: Any) -> dict[str, Scenario]:
    from infra.local import demo_imports, demo_lookups
    from portside.imports.columns import COLUMNS, EXAMPLE_ROWS
    from tests.functional.imports.helpers import (
        csv_text,
        latest_job,
        run_imports,
        run_worker,
        start,
        upload,
        worker_records,
    )

    demo_lookups.seed_lookups()
    rows = [{**EXAMPLE_ROWS["stock"], "sku": f"BENCH-{n:05d}"} for n in range(IMPORT_ROWS)]
    stock_file = csv_text(COLUMNS["stock"], rows)
    started = {"count": 0}

    def as_ops() -> None:
        portal.admin_sign_in("ops@northwind.example")

    def start_form() -> dict[str, str]:
        run_imports()  # the last run's import ends first: a kind's next import waits for it
        as_ops()
        back = upload(portal, stock_file, "stock")
        return {"csrf_token": portal.admin_csrf(), "kind": "stock", "upload_key": back.field("upload_key")}

    def queued_import() -> list[dict[str, object]]:
        """A queued import of IMPORT_ROWS rows that all change, as the stream would hand it to the worker."""
        run_imports()
        as_ops()
        started["count"] += 1
        rows_now = [{**row, "available": str(started["count"])} for row in rows]  # every row changes each run
        start(portal, csv_text(COLUMNS["stock"], rows_now), "stock")
        return worker_records([latest_job()])

    def as_owner() -> None:
        portal.admin_sign_in("owner@northwind.example")

    def key_form() -> dict[str, str]:
        as_owner()
        return {"csrf_token": portal.admin_csrf(), "name": "Bench ERP"}

    def new_key() -> str:
        as_owner()
        created = portal.post("/admin/imports/keys", key_form())
        return str(re.search(r'<code class="secret">(psk_[\w-]+)</code>', created.body).group(1))  # type: ignore[union-attr]

    api_key = new_key()
    pushed_rows = json.dumps({"rows": rows[:100]}).encode()

    def pushed() -> str:
        run_imports()
        answer = portal.call_raw("POST", "/api/imports/stock", pushed_rows, {"Authorization": f"Bearer {api_key}"})
        return str(json.loads(answer.body)["import_id"])

    def revoke_form() -> tuple[str, dict[str, str]]:
        key_id = new_key().split("_")[1]
        return key_id, {"csrf_token": portal.admin_csrf()}

    def report_ready() -> str:
        run_imports()
        as_ops()
        start(portal, csv_text(COLUMNS["stock"], [{**rows[0], "available": "-1"}]), "stock")
        run_imports()
        return str(latest_job().import_id)

    held = f"/admin/imports/{demo_imports.HELD_IMPORT_ID}"

    def as_owner_with_a_held_run() -> None:
        demo_imports.seed_held_import()  # held again: the same job, waiting
        as_owner()

    def decision_form() -> dict[str, str]:
        as_owner_with_a_held_run()
        return {"csrf_token": portal.admin_csrf(), "decision": "decline"}

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
        "admin_imports": (as_ops, lambda _: portal.get("/admin/imports")),
        "admin_import_start": (start_form, lambda data: portal.post("/admin/imports", data)),
        "admin_import_template": (as_ops, lambda _: portal.get("/admin/imports/templates/orders")),
        "admin_import_report": (report_ready, lambda import_id: portal.get(f"/admin/imports/{import_id}/rejected.csv")),
        "importer": (queued_import, run_worker),
        "admin_import": (as_owner_with_a_held_run, lambda _: portal.get(held)),
        "admin_import_held": (as_owner_with_a_held_run, lambda _: portal.get(f"{held}/held.csv")),
        "admin_import_decide": (decision_form, lambda data: portal.post(f"{held}/decision", data)),
        "admin_import_keys": (as_owner, lambda _: portal.get("/admin/imports/keys")),
        "admin_import_key_create": (key_form, lambda data: portal.post("/admin/imports/keys", data)),
        "admin_import_key_revoke": (
            revoke_form,
            lambda args: portal.post(f"/admin/imports/keys/{args[0]}/revoke", args[1]),
        ),
        "api_import_push": (
            run_imports,
            lambda _: portal.call_raw(
                "POST", "/api/imports/stock", pushed_rows, {"Authorization": f"Bearer {api_key}"}
            ),
        ),
        "api_import_status": (
            pushed,
            lambda import_id: portal.call_raw(
                "GET", f"/api/imports/{import_id}", b"", {"Authorization": f"Bearer {api_key}"}
            ),
        ),
    }
