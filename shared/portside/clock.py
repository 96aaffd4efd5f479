"""The one place the portal reads the time, so tests can move it."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """UTC ISO-8601 with seconds, the one format times are stored in."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")
