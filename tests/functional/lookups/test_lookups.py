"""Self-serve lookups: a partner's orders, stock, prices and account, and the console's read of orders."""

from __future__ import annotations

import csv
import io
import re
from typing import Any
from urllib.parse import quote

import pytest

from infra.local import demo_lookups
from tests.functional.portal import Portal
from tests.functional.settings.test_settings import save as save_settings


@pytest.fixture
def erp(portal: Portal) -> Portal:
    demo_lookups.seed_lookups()
    return portal


def order_numbers(body: str) -> list[str]:
    return re.findall(r'href="/partners/orders/(SO-\d+)"', body)


def test_open_orders_first_then_all_newest_first_a_page_at_a_time(erp: Portal) -> None:
    erp.sign_in("sales@acme.example")

    first = erp.get("/partners/orders")
    numbers = order_numbers(first.body)
    cursor = re.search(r'\?cursor=([\w-]+)">Older orders', first.body)

    assert first.status == 200 and "Updated " in first.body and len(numbers) == 20 and cursor
    assert "Delivered<" not in first.body and "Cancelled<" not in first.body
    rest = order_numbers(erp.get(f"/partners/orders?cursor={cursor.group(1)}").body)
    assert rest and not set(rest) & set(numbers), "the next page goes on where the first ended"
    everything = erp.get("/partners/orders?show=all").body
    assert "Delivered" in everything and "Cancelled" in everything
    assert all(number.startswith("SO-1") for number in numbers + rest), "Acme's orders only"


def test_an_order_is_found_by_its_po_number_and_shows_eta_tracking_and_history(erp: Portal) -> None:
    erp.sign_in("sales@acme.example")

    found = erp.get("/partners/orders?q=acme-po-7731")
    page = erp.get("/partners/orders/SO-10042")

    assert order_numbers(found.body) == ["SO-10042"]
    assert "ACME-PO-7731" in page.body and "Shipped" in page.body and "ETA" in page.body
    tracking = re.search(r'<a href="(https://[^"]+)" rel="noopener noreferrer" target="_blank">(1Z\d+)</a>', page.body)
    assert tracking and tracking.group(2) in tracking.group(1)
    assert "What changed when" in page.body and "Received" in page.body


@pytest.mark.parametrize(
    "typed", ["7731", "773", "acme po 7731", "ACME-PO-7731", "10042", "SO 10042", "so-10042", "SO10042"]
)
def test_an_order_is_found_by_any_part_of_its_numbers_as_a_person_types_them(erp: Portal, typed: str) -> None:
    erp.sign_in("sales@acme.example")

    assert "SO-10042" in order_numbers(erp.get(f"/partners/orders?q={quote(typed)}").body), typed


def test_a_reference_written_before_the_parts_were_indexed_is_still_found_by_its_start(erp: Portal) -> None:
    from infra.local.seed import TENANT_ID
    from portside.lookups.models.orders import Order, OrderReference

    order = Order.get(*Order.keys_for(TENANT_ID, "acme", "SO-10042"))
    for reference in OrderReference.query(OrderReference.partition_of(TENANT_ID, "acme")):
        if reference.order_number == "SO-10042":
            reference.delete()
    OrderReference.build(TENANT_ID, "acme", "acme-po-7731", order).save()  # as written before: dashes kept
    erp.sign_in("sales@acme.example")

    assert order_numbers(erp.get("/partners/orders?q=acme-po-77").body) == ["SO-10042"]


def test_a_search_shows_what_the_list_shows_from_the_references_and_from_older_ones_too(erp: Portal) -> None:
    from infra.local.seed import TENANT_ID
    from portside.lookups.models.orders import OrderReference

    erp.sign_in("sales@acme.example")
    listed = erp.get("/partners/orders?show=all").body
    row = re.search(r'<li><a class="row" href="/partners/orders/SO-10042">.*?</li>', listed, re.S)
    from_summary = erp.get("/partners/orders?q=SO-10042").body
    for reference in OrderReference.query(OrderReference.partition_of(TENANT_ID, "acme")):
        reference.update(actions=[OrderReference.summary.remove()])
    from_order = erp.get("/partners/orders?q=SO-10042").body

    assert row and row.group(0) in from_summary and row.group(0) in from_order


def test_another_partners_order_is_not_found(erp: Portal) -> None:
    erp.sign_in("principal@globex.example")

    assert erp.get("/partners/orders/SO-10042").status == 404
    assert order_numbers(erp.get("/partners/orders?q=SO-10042").body) == []
    assert erp.get("/partners/orders/SO-20001").status == 200
    assert erp.get("/partners/orders?cursor=not-a-cursor").status == 400


def test_technical_contacts_see_stock_but_not_orders_prices_or_the_account(erp: Portal) -> None:
    erp.sign_in("tech@acme.example")

    assert erp.get("/partners/stock?q=NW-SRV").status == 200
    for path in ("/partners/orders", "/partners/orders/SO-10042", "/partners/prices", "/partners/prices.csv"):
        assert erp.get(path).status == 403, path
    assert erp.get("/partners/account").status == 403
    dashboard = erp.get("/partners/dashboard").body
    assert "Recent order changes" not in dashboard and 'href="/partners/stock"' in dashboard


def test_stock_by_sku_or_name_in_words_and_quantities_only_where_the_tenant_says(
    erp: Portal, admin_pool: dict[str, Any]
) -> None:
    erp.sign_in("tech@acme.example")

    by_sku = erp.get("/partners/stock?q=nw-srv-100").body
    by_name = erp.get("/partners/stock?q=Rack+server").body
    nothing = erp.get("/partners/stock?q=zzz").body

    assert "NW-SRV-1001" in by_sku and ("In stock" in by_sku or "stock" in by_sku)
    assert "Rack server" in by_name and "NW-SRV" in by_name
    assert re.search(r"In stock|Low stock|Out of stock", by_sku + by_name)
    assert "No SKU or product name starts with “zzz”" in nothing
    assert '<th scope="col">Available</th>' not in by_sku
    erp.admin_sign_in("owner@northwind.example")
    assert save_settings(erp, stock_quantities_shown="true").status == 303
    assert '<th scope="col">Available</th>' in erp.get("/partners/stock?q=nw-srv-100").body
    assert save_settings(erp).status == 303, "unticked, the box takes the quantities away again"
    assert '<th scope="col">Available</th>' not in erp.get("/partners/stock?q=nw-srv-100").body


def test_each_partner_gets_its_tier_and_its_own_prices(erp: Portal) -> None:
    erp.sign_in("principal@acme.example")
    acme = erp.get("/partners/prices?sku=NW-SRV-1001").body
    erp.sign_in("principal@globex.example")
    globex = erp.get("/partners/prices?sku=NW-SRV-1001").body

    def prices(body: str) -> list[str]:
        return re.findall(r"<td[^>]*>(\$[\d,]+\.\d\d)(?:<br>|</td>)", body)

    assert "your own price" in acme and "your own price" not in globex
    assert prices(acme) != prices(globex)
    assert erp.get("/partners/prices?sku=zzz").status == 200


def test_the_price_list_pages_and_exports_the_same_entries(erp: Portal) -> None:
    erp.sign_in("sales@acme.example")
    shown, cursor = [], ""
    while True:
        page = erp.get(f"/partners/prices{cursor}").body
        shown += re.findall(r"<tr><td[^>]*>(NW-[A-Z]+-\d+)</td>", page)
        found = re.search(r'\?cursor=([\w-]+)">More prices', page)
        if not found:
            break
        cursor = f"?cursor={found.group(1)}"

    exported = erp.get("/partners/prices.csv")
    rows = list(csv.DictReader(io.StringIO(exported.body)))

    assert (
        exported.headers["Content-Type"].startswith("text/csv")
        and "attachment" in exported.headers["Content-Disposition"]
    )
    tiers, own_skus = len(demo_lookups.catalogue()) * 2, len(demo_lookups.ACME_OWN_PRICES)
    assert [row["SKU"] for row in rows] == shown and len(rows) == tiers - own_skus * 2 + own_skus
    own = [row for row in rows if row["SKU"] in demo_lookups.ACME_OWN_PRICES]
    assert len(own) == 3 and all(row["Valid until"] for row in own), "a SKU with its own price shows that price only"


def test_the_account_is_for_the_principal(erp: Portal) -> None:
    erp.sign_in("principal@acme.example")
    assert "Available credit" in erp.get("/partners/account").body
    erp.sign_in("sales@acme.example")
    assert erp.get("/partners/account").status == 403
    assert 'href="/partners/account"' not in erp.get("/partners/dashboard").body


def test_the_dashboard_shows_recent_order_changes_to_who_sees_orders(erp: Portal) -> None:
    erp.sign_in("sales@globex.example")

    dashboard = erp.get("/partners/dashboard").body

    assert "Recent order changes" in dashboard and re.search(r"SO-2\d+: Shipped", dashboard)


def test_finance_and_ops_read_orders_with_the_hidden_fields(erp: Portal, admin_pool: dict[str, Any]) -> None:
    for email in ("finance@northwind.example", "ops@northwind.example"):
        erp.admin_sign_in(email)
        listed = erp.get("/admin/orders?partner=acme&q=ACME-PO-7731").body
        order = erp.get("/admin/orders/acme/SO-10042").body
        assert "SO-10042" in listed and demo_lookups.CANARY_MARK in order and "Unit cost" in order, email
    assert erp.get("/admin/orders/globex/SO-10042").status == 404
    assert "Choose a partner" in erp.get("/admin/orders?partner=nobody").body


def test_a_price_of_the_partners_own_between_two_pages_shows_once(erp: Portal) -> None:
    from infra.local.seed import TENANT_ID
    from portside import clock
    from portside.lookups.models.catalogue import PriceEntry

    PriceEntry.build(
        TENANT_ID,
        "partner:acme",
        "NW-ACC-1050A",  # sorts after the first page's last SKU (NW-ACC-1050) and before the next page's first
        1,
        "2026-01-01",
        product_name="Own-only accessory",
        list_price=1000,
        price=900,
        updated_at=clock.now(),
    ).save()
    erp.sign_in("principal@acme.example")
    seen, cursor = [], ""
    while True:
        page = erp.get(f"/partners/prices{cursor}").body
        seen += re.findall(r"<tr><td[^>]*>(NW-ACC-1050A?)</td>", page)
        found = re.search(r'\?cursor=([\w-]+)">More prices', page)
        if not found:
            break
        cursor = f"?cursor={found.group(1)}"

    assert seen.count("NW-ACC-1050A") == 1 and seen.count("NW-ACC-1050") == 2  # and the tier's two breaks


def test_a_tiers_page_is_kept_until_an_import_but_the_partners_own_prices_show_at_once(erp: Portal) -> None:
    from infra.local.seed import TENANT_ID
    from portside import clock
    from portside.data import reads
    from portside.lookups import freshness
    from portside.lookups.models.catalogue import PriceEntry, search_key
    from portside.lookups.prices import tier_of

    sku = next(sku for sku, _, _, _ in demo_lookups.catalogue() if sku not in demo_lookups.ACME_OWN_PRICES)
    tenant = reads.tenant(TENANT_ID)
    assert tenant is not None
    erp.sign_in("principal@acme.example")
    before = erp.get(f"/partners/prices?sku={sku}").body
    tier = PriceEntry.partition_of(TENANT_ID, f"tier:{tier_of(tenant, 'acme')}")
    listed = PriceEntry.query(tier, PriceEntry.SK.startswith(f"{search_key(sku)}#"))
    (first,) = [entry for entry in listed if int(entry.min_quantity) == 1]
    first.price = 123456  # the next price list, partly imported
    first.save()
    PriceEntry.build(  # a special price, just approved
        TENANT_ID,
        "partner:acme",
        sku,
        50,
        first.valid_from,
        list_price=first.list_price,
        price=777,
        updated_at=clock.now(),
    ).save()

    kept = erp.get(f"/partners/prices?sku={sku}").body
    freshness.mark_updated(TENANT_ID, ("prices",), clock.now())  # the import's end
    imported = erp.get(f"/partners/prices?sku={sku}").body

    assert "$7.77" not in before and "$7.77" in kept and "$1,234.56" not in kept
    assert "$1,234.56" in imported and "$7.77" in imported
