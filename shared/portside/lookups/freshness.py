"""How current the ERP's data is: when orders, stock, prices and accounts last arrived.

Every lookup page says so ("Updated 23 Nov, 07:10"). The times change a few times a day, so each
process keeps them for a minute: a page pays no round trip for them when warm.
"""

from __future__ import annotations

import time
from datetime import datetime
from threading import Lock

from portside.data import reads
from portside.lookups.models.catalogue import Freshness

KINDS = ("orders", "stock", "prices", "accounts")
CACHE_SECONDS = 60.0
_cache: dict[str, tuple[float, dict[str, datetime]]] = {}
_lock = Lock()


def _read(tenant_id: str) -> dict[str, datetime]:
    item = reads.get_or_none(Freshness, Freshness.keys_for(tenant_id))
    found = {kind: getattr(item, kind) for kind in KINDS} if item is not None else {}
    return {kind: at for kind, at in found.items() if at is not None}


def updated_at(tenant_id: str, kind: str) -> datetime | None:
    """When ``kind`` last arrived (at most a minute stale), or None if it never has."""
    now = time.monotonic()
    with _lock:
        cached = _cache.get(tenant_id)
    if cached is None or now - cached[0] >= CACHE_SECONDS:
        cached = (now, _read(tenant_id))
        with _lock:
            _cache[tenant_id] = cached
    return cached[1].get(kind)


def mark_updated(tenant_id: str, kinds: tuple[str, ...], at: datetime) -> None:
    """Record that ``kinds`` arrived ``at`` (an import's end)."""
    Freshness(*Freshness.keys_for(tenant_id)).update(actions=[getattr(Freshness, kind).set(at) for kind in kinds])
    with _lock:
        _cache.pop(tenant_id, None)
