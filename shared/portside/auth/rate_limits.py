"""Fixed-window counters kept in the table, counted inside the request's own transaction.

A counter is an UpdateItem ``ADD hits 1`` whose condition is ``hits < limit``: when the
limit is reached the whole transaction is cancelled, so a refused request writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from portside import clock
from portside.auth.secrets import digest
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.records import RateCounter
from portside.errors import RateLimited

LABEL_PREFIX = "rate:"


@dataclass(frozen=True)
class Limit:
    scope: str  # e.g. "sign-in-address"
    subject: str  # what is counted: an address, an IP
    max_hits: int
    window_seconds: int

    def keys(self, tenant_id: str) -> tuple[str, str]:
        window = int(clock.now().timestamp()) // self.window_seconds
        return RateCounter.keys_for(tenant_id, self.scope, digest(self.subject.lower()), window)


def count(changes: Changes, tenant_id: str, limit: Limit) -> None:
    """Add one hit to the transaction; it is cancelled if the window is already full."""
    expires = clock.now() + timedelta(seconds=2 * limit.window_seconds)
    changes.update_key(
        RateCounter,
        limit.keys(tenant_id),
        [RateCounter.hits.add(1), RateCounter.expires_ttl.set(expires)],
        label=LABEL_PREFIX + limit.scope,
        condition=RateCounter.hits.does_not_exist() | (RateCounter.hits < limit.max_hits),
    )


def refuse_if_full(tenant_id: str, limits: tuple[Limit, ...], message: str) -> None:
    """Refuse before any work when a window is already full (a read: failures are counted where they happen)."""
    from portside.data import reads

    for limit in limits:
        counter = reads.get_or_none(RateCounter, limit.keys(tenant_id), consistent=True)
        if counter is not None and counter.hits >= limit.max_hits:
            raise RateLimited(message, retry_after_seconds=limit.window_seconds)


def require_room(changes: Changes, tenant_id: str, limit: Limit) -> None:
    """Add a check (not a hit) that the window still has room."""
    changes.check(
        RateCounter,
        limit.keys(tenant_id),
        RateCounter.hits.does_not_exist() | (RateCounter.hits < limit.max_hits),
        label=LABEL_PREFIX + limit.scope,
    )


def limited_scopes(error: ConditionFailed) -> set[str]:
    return {label.removeprefix(LABEL_PREFIX) for label in error.labels if label.startswith(LABEL_PREFIX)}


def raise_if_limited(error: ConditionFailed, message: str | None = None, retry_after_seconds: int = 900) -> None:
    if limited_scopes(error):
        raise RateLimited(message, retry_after_seconds) from error
