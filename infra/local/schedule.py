"""Runs the manifest's frequent scheduled workers (the outbox sweeper) as EventBridge would.

Daily jobs are not run by the clock here: they run on demand (``POST /_dev/jobs/<name>``), as
every scheduled worker can.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from infra.local.events import LambdaContext
from portside.manifest import WORKERS

Invoke = Callable[[str, dict[str, Any], Any], dict[str, Any]]


class Scheduler:
    def __init__(self, invoke: Invoke, after_run: Callable[[], object]) -> None:
        self._invoke = invoke
        self._after_run = after_run
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._every, args=(worker.name, worker.handler, worker.every_minutes), daemon=True)
            for worker in WORKERS
            if worker.source == "schedule" and worker.every_minutes
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _every(self, name: str, handler: str, minutes: int) -> None:
        while not self._stop.wait(minutes * 60):
            try:
                self._invoke(handler, {"source": "local-schedule"}, LambdaContext(function_name=name))
                self._after_run()
            except Exception:  # a failed run is retried at the next tick, as EventBridge's next one would
                traceback.print_exc()
