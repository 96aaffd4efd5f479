"""What a warm function keeps between requests for dressing pages: values cached per process for a minute.

A cached value may be up to ``CACHE_SECONDS`` old on AWS (each function has its own cache); where one
process writes and reads (the local runtime, the tests) a write forgets what it changed. Nothing that
decides access is ever read from here: a guard, a download or a quiz reads the record itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

CACHE_SECONDS = 60.0

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")

_every: list[PageCache[object, object]] = []


class PageCache(Generic[Key, Value]):
    """Values by key, each kept a minute; with ``most``, only the latest ``most`` keys (for keys a person types)."""

    def __init__(self, most: int | None = None) -> None:
        self._kept: dict[Key, tuple[float, Value]] = {}
        self._most = most
        self._lock = Lock()
        _every.append(self)  # type: ignore[arg-type]

    def get(self, key: Key, read: Callable[[], Value]) -> Value:
        """The value kept for ``key`` if it is under a minute old, else ``read()``'s, kept from now."""
        now = time.monotonic()
        with self._lock:
            kept = self._kept.get(key)
        if kept and now - kept[0] < CACHE_SECONDS:
            return kept[1]
        value = read()
        with self._lock:
            self._kept.pop(key, None)
            self._kept[key] = (now, value)
            if self._most is not None and len(self._kept) > self._most:
                del self._kept[next(iter(self._kept))]  # the longest kept
        return value

    def forget(self, key: Key) -> None:
        with self._lock:
            self._kept.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


def forget_everything() -> None:
    for cache in _every:
        cache.clear()
