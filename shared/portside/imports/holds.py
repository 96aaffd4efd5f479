"""Four eyes on imports: the changes of a prices or accounts run that pass the tenant's thresholds.

The same thresholds as pricing and credit approvals: a partner's own price more than the discount
threshold below its list price, or a credit limit moved by more than the credit threshold. A run
with any such change is held whole, nothing applied, until a second finance admin approves it.
The list price compared with is the higher of the row's and the one of the price it replaces, so
a file cannot lower the list price to hide a discount. The approved run computes the changes
again and applies only if they are exactly those approved (the digest); else it is held anew.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Sequence

from portside.data.models.tenants import Tenant
from portside.imports.apply import existing_items
from portside.imports.models import HeldChange
from portside.imports.rows import AccountRow, PriceRow, Row
from portside.lookups.models.catalogue import Account, PriceEntry
from portside.text import spreadsheet_cell

HELD_KINDS = ("prices", "accounts")
CREDIT_LIMIT = "credit limit"


def held_changes(tenant: Tenant, kind: str, rows: Sequence[tuple[int, Row]]) -> list[HeldChange]:
    """The changes past the thresholds, in a stable order (none when the tenant sets no threshold)."""
    if kind == "prices" and tenant.second_approval_discount_percent is not None:
        held = _held_prices(tenant, int(tenant.second_approval_discount_percent), rows)
    elif kind == "accounts" and tenant.second_approval_credit_change is not None:
        held = _held_limits(tenant, int(tenant.second_approval_credit_change), rows)
    else:
        return []
    return sorted(held, key=lambda change: (change.partner_id, change.subject))


def _held_prices(tenant: Tenant, percent: int, rows: Sequence[tuple[int, Row]]) -> list[HeldChange]:
    own: dict[tuple[str, str], PriceRow] = {}
    for _, row in rows:
        if isinstance(row, PriceRow) and row.partner_id is not None:
            partition = PriceEntry.partition_of(tenant.tenant_id, row.scope)
            own[(partition, PriceEntry.sort_of(row.sku, row.min_quantity, row.valid_from.isoformat()))] = row
    existing = existing_items(list(own))
    held = []
    for key, row in own.items():
        old = existing.get(key)
        before = int(old.price) if isinstance(old, PriceEntry) else None
        list_price = max(int(row.list_price), int(old.list_price) if isinstance(old, PriceEntry) else 0)
        if before == row.price or not list_price or (list_price - row.price) * 100 <= percent * list_price:
            continue
        subject = row.sku if row.min_quantity == 1 else f"{row.sku} (from {row.min_quantity})"
        held.append(_change(str(row.partner_id), subject, before, row.price, row.currency, list_price))
    return held


def _held_limits(tenant: Tenant, credit_change: int, rows: Sequence[tuple[int, Row]]) -> list[HeldChange]:
    wanted = {Account.keys_for(tenant.tenant_id, row.partner_id): row for _, row in rows if isinstance(row, AccountRow)}
    existing = existing_items(list(wanted))
    held = []
    for key, row in wanted.items():
        old = existing.get(key)
        before = int(old.credit_limit) if isinstance(old, Account) else None
        if before != row.credit_limit and abs(row.credit_limit - (before or 0)) > credit_change:
            held.append(_change(row.partner_id, CREDIT_LIMIT, before, row.credit_limit, row.currency, None))
    return held


def _change(
    partner_id: str, subject: str, before: int | None, after: int, currency: str, list_price: int | None
) -> HeldChange:
    return HeldChange(
        partner_id=partner_id, subject=subject, before=before, after=after, currency=currency, list_price=list_price
    )


def _plain(change: HeldChange) -> dict[str, object]:
    return {name: getattr(change, name) for name in ("partner_id", "subject", "before", "after", "currency")}


def digest(changes: Sequence[HeldChange]) -> str:
    """What an approval covers: the same changes (not the same file) give the same digest."""
    return hashlib.sha256(json.dumps([_plain(change) for change in changes]).encode()).hexdigest()


def as_csv(changes: Sequence[HeldChange]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("partner_id", "what", "now", "after", "currency"))
    for change in changes:
        values = change.partner_id, change.subject, _money(change.before), _money(change.after), change.currency
        writer.writerow(spreadsheet_cell(value) for value in values)
    return out.getvalue()


def _money(minor: float | None) -> str:
    """As the import files write amounts: ``1200.00``."""
    return "" if minor is None else f"{int(minor) // 100}.{int(minor) % 100:02d}"
