"""The manifest as a router: a request's method and path find their route and handler.

Each request gets a handler *instance* of its own, the way Lambda runs concurrent requests
in separate execution environments: an idle instance is reused, a busy one never shared.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from portside.manifest import ROUTES, Route

ROOT = Path(__file__).resolve().parents[2]


def _pattern(path: str) -> re.Pattern[str]:
    regex = re.sub(r"\{(\w+)\+\}", r"(?P<\1>.+)", path)
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", regex)
    return re.compile(f"^{regex}$")


_COMPILED = [(route, _pattern(route.path)) for route in ROUTES]


def match(method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    """Specific routes first, the greedy ``{proxy+}`` catch-all last, as API Gateway matches."""
    wanted = "GET" if method == "HEAD" else method
    ordered = sorted(_COMPILED, key=lambda pair: "{proxy+}" in pair[0].path)
    for route, pattern in ordered:
        found = pattern.match(path)
        if found and route.method in (wanted, "ANY"):
            params = {k: v for k, v in found.groupdict().items() if route.path != "/{proxy+}"}
            return route, params
    return None


@dataclass
class _Pool:
    idle: list[ModuleType]
    loaded: int = 0


class HandlerInstances:
    def __init__(self) -> None:
        self._pools: dict[str, _Pool] = defaultdict(lambda: _Pool(idle=[]))
        self._lock = threading.Lock()

    def invoke(self, module: str, event: dict[str, Any], context: Any) -> dict[str, Any]:
        instance = self._acquire(module)
        try:
            return instance.handler(event, context)
        finally:
            with self._lock:
                self._pools[module].idle.append(instance)

    def _acquire(self, module: str) -> ModuleType:
        with self._lock:
            pool = self._pools[module]
            if pool.idle:
                return pool.idle.pop()
            pool.loaded += 1
        # A fresh module object under the real name (the Endpoint finds its route by module name),
        # kept out of sys.modules so that each instance has state of its own, as on Lambda.
        path = ROOT / (module.replace(".", "/") + ".py")
        instance = ModuleType(module)
        instance.__file__ = str(path)
        exec(compile(path.read_text(), str(path), "exec"), instance.__dict__)  # noqa: S102 - our own handler code
        return instance
