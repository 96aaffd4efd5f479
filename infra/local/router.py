"""The manifest as a router: a request's method and path find their route and handler.

Each request gets a handler *instance* of its own, the way Lambda runs concurrent requests
in separate execution environments: an idle instance is reused, a busy one never shared.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

from portside.manifest import ROUTES, Route, path_pattern

ROOT = Path(__file__).resolve().parents[2]


# As API Gateway matches: literal segments before parameters (``/partners/new`` before ``/partners/{id}``),
# the greedy ``{proxy+}`` catch-all last.
_COMPILED = sorted(
    ((route, path_pattern(route.path)) for route in ROUTES),
    key=lambda pair: ("{proxy+}" in pair[0].path, pair[0].path.count("{")),
)


def match(method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    """The route answering ``method path`` (HEAD is answered by GET routes), and its path parameters."""
    wanted = "GET" if method == "HEAD" else method
    for route, pattern in _COMPILED:
        found = pattern.match(path)
        if found and route.method in (wanted, "ANY"):
            params = {k: v for k, v in found.groupdict().items() if route.path != "/{proxy+}"}
            return route, params
    return None


class HandlerInstances:
    def __init__(self) -> None:
        self._idle: dict[str, list[ModuleType]] = defaultdict(list)
        self._lock = threading.Lock()

    def invoke(self, module: str, event: dict[str, Any], context: Any) -> dict[str, Any]:
        instance = self._acquire(module)
        try:
            return instance.handler(event, context)
        finally:
            with self._lock:
                self._idle[module].append(instance)

    def _acquire(self, module: str) -> ModuleType:
        with self._lock:
            if self._idle[module]:
                return self._idle[module].pop()
        # A fresh module object under the real name (the Endpoint finds its route by module name),
        # kept out of sys.modules so that each instance has state of its own, as on Lambda.
        path = ROOT / (module.replace(".", "/") + ".py")
        instance = ModuleType(module)
        instance.__file__ = str(path)
        exec(compile(path.read_text(), str(path), "exec"), instance.__dict__)  # noqa: S102 - our own handler code
        return instance
