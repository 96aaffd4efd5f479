"""The page cache: a value is read once a minute per key, a write forgets it, and the tests can start from none."""

from __future__ import annotations

import pytest

from portside.web import page_cache
from portside.web.page_cache import PageCache, forget_everything
from tests.unit.monotonic import Clock


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    ticking = Clock()
    monkeypatch.setattr(page_cache.time, "monotonic", ticking)
    return ticking


def test_a_value_is_read_again_only_once_it_is_a_minute_old(clock: Clock) -> None:
    cache: PageCache[str, int] = PageCache()
    reads = iter(range(10))

    first = cache.get("a", lambda: next(reads))
    clock.now += page_cache.CACHE_SECONDS - 1
    still = cache.get("a", lambda: next(reads))
    other = cache.get("b", lambda: next(reads))
    clock.now += 1
    again = cache.get("a", lambda: next(reads))

    assert (first, still, other, again) == (0, 0, 1, 2)


def test_forgetting_a_key_or_everything_reads_again(clock: Clock) -> None:
    one: PageCache[str, int] = PageCache()
    two: PageCache[str, int] = PageCache()
    reads = iter(range(10))
    for cache, key in ((one, "a"), (one, "b"), (two, "a")):
        cache.get(key, lambda: next(reads))

    one.forget("a")
    assert (one.get("a", lambda: next(reads)), one.get("b", lambda: next(reads))) == (3, 1)
    forget_everything()
    assert (one.get("b", lambda: next(reads)), two.get("a", lambda: next(reads))) == (4, 5)


def test_a_bounded_cache_keeps_only_the_latest_keys(clock: Clock) -> None:
    cache: PageCache[str, int] = PageCache(most=2)
    reads = iter(range(10))
    for key in ("a", "b", "c"):
        cache.get(key, lambda: next(reads))

    kept = (cache.get("b", lambda: next(reads)), cache.get("c", lambda: next(reads)))
    dropped = cache.get("a", lambda: next(reads))  # read again, so "b" is now the longest kept
    assert (kept, dropped, cache.get("c", lambda: next(reads)), cache.get("b", lambda: next(reads))) == (
        (1, 2),
        3,
        2,
        4,
    )
