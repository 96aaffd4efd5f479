"""The dashboard's latest order changes: the newest few within 30 days, kept in one item among the updates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from portside.data.models.updates import PartnerUpdate
from portside.lookups.models.orders import OrderChangeEntry, OrderChanges

NOW = datetime(2026, 12, 3, 12, tzinfo=UTC)


def change(number: int, days_ago: float) -> OrderChangeEntry:
    return OrderChangeEntry(order_number=f"SO-{number}", what="Shipped", at=NOW - timedelta(days=days_ago))


def test_the_newest_changes_within_thirty_days_are_kept_newest_first() -> None:
    changes = [change(n, days_ago=n) for n in range(1, 9)] + [change(99, days_ago=31)]

    latest = OrderChanges.build_latest("t", "acme", list(reversed(changes)), NOW)

    assert [c.order_number for c in latest.changes] == [f"SO-{n}" for n in range(1, OrderChanges.KEEP + 1)]
    assert latest.at == NOW - timedelta(days=1) and latest.expires_ttl == latest.at + timedelta(days=30)


def test_it_sorts_before_every_update_in_a_newest_first_query() -> None:
    latest = OrderChanges.build_latest("t", "acme", [change(1, days_ago=0)], NOW)
    update = PartnerUpdate.build(
        "t", "acme", NOW + timedelta(days=3650), "u1", resource="deals", title="", message="", link="/"
    )

    assert latest.PK == update.PK and latest.SK > update.SK and latest.resource == "orders"
