"""The demo's held import: finance's prices file that cuts Acme's own price of a server past the four-eyes
threshold, run by the real import worker's code and so waiting for the owner's (or a second finance
admin's) approval on the console's Imports page."""

from __future__ import annotations

import csv
import io

from infra.local.seed import TENANT_ID
from portside import clock
from portside.imports import files as import_files
from portside.imports import runs
from portside.imports.columns import COLUMNS, EXAMPLE_ROWS
from portside.imports.models import ImportJob

HELD_IMPORT_ID = "demo-held-prices"
FINANCE = "admin:finance@northwind.example"


def seed_held_import() -> None:
    rows = [
        {**EXAMPLE_ROWS["prices"], "tier": "", "partner_id": "acme", "price": "690.00"},  # 54% off the list price
        {
            **EXAMPLE_ROWS["prices"],
            "sku": "NW-NET-1004",
            "tier": "",
            "partner_id": "acme",
            "list_price": "800.00",
            "price": "720.00",
        },  # 10% off: within, but held with the rest of its run
    ]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS["prices"], restval="")
    writer.writeheader()
    writer.writerows(rows)
    source = import_files.write_source(TENANT_ID, HELD_IMPORT_ID, out.getvalue())
    job = ImportJob.build(
        TENANT_ID,
        HELD_IMPORT_ID,
        "prices",
        clock.now(),
        file_name="acme-prices.csv",
        object_key=source,
        started_by=FINANCE,
    )
    job.save()
    assert runs.run((job.PK, job.SK)) == "held", "the demo's thresholds hold it"
