"""Lookups over HTTP against the local runtime (its demo ERP data): the pages, their attacks, and the kill list."""

from __future__ import annotations

import re

import pytest

from portside.manifest import ROUTES, Audience
from tests.e2e.deals.test_deals_over_http import partner
from tests.e2e.runtime import Runtime
from tests.functional.test_kill_list import canary_forms

pytestmark = pytest.mark.e2e


def test_a_salesperson_finds_an_order_by_po_number_and_tracks_it(runtime: Runtime) -> None:
    sales = partner(runtime, "acme", "salesperson")

    found = sales.get("/partners/orders?q=ACME-PO-7731").text
    order = sales.get("/partners/orders/SO-10042").text

    assert re.findall(r'href="/partners/orders/(SO-\d+)"', found) == ["SO-10042"] and "Updated " in found
    assert "Shipped" in order and re.search(r'href="https://[^"]+"[^>]*>1Z\d+</a>', order)
    assert "Download as CSV" in sales.get("/partners/prices").text
    csv = sales.get("/partners/prices.csv")
    assert csv.status_code == 200 and csv.text.startswith("SKU,Product,")


def test_another_partners_orders_and_tampered_requests_find_nothing(runtime: Runtime) -> None:
    globex = partner(runtime, "globex", "principal")

    assert globex.get("/partners/orders/SO-10042").status_code == 404
    assert "SO-10042" not in globex.get("/partners/orders?q=SO-100").text
    assert globex.get("/partners/orders?cursor=eyJQSyI6eyJTIjoiVCNub3J0aHdpbmQifX0").status_code == 400
    odd = globex.get("/partners/orders?q=%3Cscript%3E%00%FF%27")
    assert odd.status_code == 200 and "<script>" not in odd.text
    assert globex.get("/partners/prices?cursor=%FF%FE").status_code == 400
    assert globex.get("/partners/orders/..%2F..%2Fadmin").status_code == 404


def test_no_killed_field_reaches_any_role_of_either_partner(runtime: Runtime) -> None:
    pages = [route.path for route in ROUTES if route.audience is Audience.PARTNER and route.method == "GET"]
    pages = [path for path in pages if "{" not in path] + ["/partners/orders/SO-10042", "/partners/orders/SO-20001"]
    forms = canary_forms()
    for partner_id in ("acme", "globex"):
        for role in ("principal", "salesperson", "technical"):
            visitor = partner(runtime, partner_id, role)
            for path in pages:
                answer = visitor.get(path)
                assert answer.status_code < 500, path
                text = answer.text + "".join(answer.headers.values())
                allowed = {"credit_limit"} if role == "principal" else set()
                leaked = [
                    field for field, shown in forms.items() if field not in allowed and any(f in text for f in shown)
                ]
                assert not leaked, f"{role}@{partner_id} GET {path} shows {leaked}"
