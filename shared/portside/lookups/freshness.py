"""How current the ERP's data is: when orders, stock, prices and accounts last arrived.

Every lookup page says so ("Updated 23 Nov, 07:10"). The times change a few times a day, so each
process keeps them for a minute: a page pays no round trip for them when warm.
"""

from __future__ import annotations

from datetime import datetime

from portside.data import reads
from portside.lookups.models.catalogue import Freshness
from portside.web.page_cache import PageCache

KINDS = ("orders", "stock", "prices", "accounts")
_cache: PageCache[str, dict[str, datetime]] = PageCache()


def _read(tenant_id: str) -> dict[str, datetime]:
    item = reads.get_or_none(Freshness, Freshness.keys_for(tenant_id))
    found = {kind: getattr(item, kind) for kind in KINDS} if item is not None else {}
    return {kind: at for kind, at in found.items() if at is not None}


def updated_at(tenant_id: str, kind: str) -> datetime | None:
    """When ``kind`` last arrived (at most a minute stale), or None if it never has."""
    return _cache.get(tenant_id, lambda: _read(tenant_id)).get(kind)


def mark_updated(tenant_id: str, kinds: tuple[str, ...], at: datetime) -> None:
    """Record that ``kinds`` arrived ``at`` (an import's end)."""
    Freshness(*Freshness.keys_for(tenant_id)).update(actions=[getattr(Freshness, kind).set(at) for kind in kinds])
    _cache.forget(tenant_id)
