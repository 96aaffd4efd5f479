"""A partner's price list: its tier's prices with its own prices in their place, valid on the day.

A page walks the tier's entries by SKU (one Query) and lays the partner's own entries over the SKUs
it covers (one Query of the partner's, which are few): a SKU the partner has its own price for shows
only those. The partner's tier comes from the per-minute partner cache: a tier change shows within
a minute. A tier's prices change only by import, and every partner of the tier reads the same
pages, so each process keeps the tier's pages a minute too (a new price list shows within a minute,
as the page's "Updated" line does); the partner's own prices, a special one just approved among
them, are read on every request.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from portside import clock
from portside.data import reads
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, decode_cursor, query_page
from portside.errors import NotFound
from portside.lookups.freshness import updated_at
from portside.lookups.models.catalogue import Account, PriceEntry, search_key
from portside.lookups.views import PriceView
from portside.text import spreadsheet_cell
from portside.web.page_cache import PageCache
from portside.web.tenants import cached_partner

PAGE_SIZE = 100
TIER_PAGES_KEPT = 64  # tier pages a process keeps (of up to PAGE_SIZE entries each; searches make new keys)
EXPORT_PAGE = 1000
OWN_PRICES_LIMIT = 1000
DEFAULT_TIER = "standard"


_tier_pages: PageCache[tuple[str, str, str | None, object], Page[PriceEntry]] = PageCache(most=TIER_PAGES_KEPT)


@dataclass(frozen=True)
class PricePage:
    entries: list[PriceEntry]  # valid on the day, by SKU and minimum quantity
    cursor: str | None


def tier_of(tenant: Tenant, partner_id: str) -> str:
    partner = cached_partner(tenant, partner_id)
    return (partner.tier if partner is not None and partner.tier else DEFAULT_TIER).casefold()


def price_page(
    tenant: Tenant, partner_id: str, day: str, *, sku_start: str = "", cursor: str | None = None, size: int = PAGE_SIZE
) -> PricePage:
    """One page of the partner's price list on ``day``, from the SKU ``sku_start`` begins."""
    wanted = search_key(sku_start)
    condition = PriceEntry.SK.startswith(wanted) if wanted else None
    partition = PriceEntry.partition_of(tenant.tenant_id, f"tier:{tier_of(tenant, partner_id)}")
    tier = _tier_page(tenant, partition, wanted, cursor, size)
    own = list(
        PriceEntry.query(
            PriceEntry.partition_of(tenant.tenant_id, f"partner:{partner_id}"), condition, limit=OWN_PRICES_LIMIT
        )
    )
    # This page covers the SKUs after the last one of the page before, up to its own last (or to the end).
    after = decode_cursor(cursor, None, partition)["SK"]["S"].split("#")[0] if cursor else None
    upto = search_key(tier.items[-1].sku) if tier.cursor and tier.items else None
    covered = [
        entry
        for entry in own
        if (after is None or search_key(entry.sku) > after) and (upto is None or search_key(entry.sku) <= upto)
    ]
    return PricePage(overlay(tier.items, covered, day), tier.cursor)


def _tier_page(tenant: Tenant, partition: str, wanted: str, cursor: str | None, size: int) -> Page[PriceEntry]:
    """A page of the tier's entries; a list page is kept a minute, and read again once a new import arrived."""
    condition = PriceEntry.SK.startswith(wanted) if wanted else None

    def read() -> Page[PriceEntry]:
        return query_page(PriceEntry, partition, condition, limit=size, cursor=cursor)

    if size != PAGE_SIZE:  # an export's thousand entries are read once, not kept
        return read()
    return _tier_pages.get((partition, wanted, cursor, updated_at(tenant.tenant_id, "prices")), read)


def overlay(tier: list[PriceEntry], own: list[PriceEntry], day: str) -> list[PriceEntry]:
    """The entries valid on ``day``, by SKU and quantity: a SKU's own prices replace its tier's from the
    smallest quantity they start at (a special price for 50 leaves the tier's price for fewer), and of two
    own prices for one quantity the later one applies (a special price over a standing one)."""
    latest: dict[tuple[str, int], PriceEntry] = {}
    for entry in own:
        key = (search_key(entry.sku), int(entry.min_quantity))
        if entry.valid_on(day) and (key not in latest or entry.valid_from > latest[key].valid_from):
            latest[key] = entry
    own_from: dict[str, int] = {}
    for sku, quantity in latest:
        own_from[sku] = min(quantity, own_from.get(sku, quantity))
    kept = [
        entry
        for entry in tier
        if entry.valid_on(day)
        and (search_key(entry.sku) not in own_from or int(entry.min_quantity) < own_from[search_key(entry.sku)])
    ]
    return sorted([*kept, *latest.values()], key=lambda entry: (search_key(entry.sku), int(entry.min_quantity)))


def price_for(tenant: Tenant, partner_id: str, sku: str, quantity: int, day: str) -> PriceEntry | None:
    """The partner's price of ``sku`` for ``quantity`` on ``day`` (None: not on its price list). Two Queries."""
    exact = PriceEntry.SK.startswith(f"{search_key(sku)}#")
    tier = PriceEntry.partition_of(tenant.tenant_id, f"tier:{tier_of(tenant, partner_id)}")
    own = PriceEntry.partition_of(tenant.tenant_id, f"partner:{partner_id}")
    entries = overlay(list(PriceEntry.query(tier, exact)), list(PriceEntry.query(own, exact)), day)
    applying = [entry for entry in entries if int(entry.min_quantity) <= quantity]
    return applying[-1] if applying else None


def today_for(tenant: Tenant) -> str:
    """The tenant's date today (prices are valid by the tenant's calendar), as ISO."""
    return clock.now().astimezone(ZoneInfo(tenant.time_zone or "UTC")).date().isoformat()


EXPORT_COLUMNS = ("SKU", "Product", "Minimum quantity", "List price", "Your price", "Currency", "Valid until")


def export_csv(tenant: Tenant, partner_id: str, day: str, cursor: str | None) -> tuple[str, str | None]:
    """Up to EXPORT_PAGE entries of the price list as CSV (amounts in the currency's units), and the rest's cursor."""
    listed = price_page(tenant, partner_id, day, cursor=cursor, size=EXPORT_PAGE)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for entry in map(PriceView.of, listed.entries):
        row = (
            entry.sku,
            entry.product_name,
            entry.min_quantity,
            f"{entry.list_price / 100:.2f}",
            f"{entry.price / 100:.2f}",
            entry.currency,
            entry.valid_to or "",
        )
        writer.writerow(spreadsheet_cell(value) for value in row)
    return out.getvalue(), listed.cursor


def account_of(tenant: Tenant, partner_id: str) -> Account:
    account = reads.get_or_none(Account, Account.keys_for(tenant.tenant_id, partner_id))
    if account is None:
        raise NotFound(f"account of partner {partner_id}")
    return account
