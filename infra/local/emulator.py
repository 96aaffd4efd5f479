"""The embedded AWS emulator: moto's server, in this process, on a loopback port.

DynamoDB applies each conditional write atomically; moto does not lock its in-memory
tables, so concurrent requests could interleave inside one transaction. The emulator
therefore answers one AWS call at a time, which keeps the atomicity the portal relies on.

moto also keeps every model object it ever made, for its server's dashboard; among them the
copy of the whole table it takes before each transaction (to roll back). Kept, those copies
grow the process by the table's size on every write, so the emulator lets go of them after
each call (``forget_model_copies``); the data itself lives in the backends, untouched.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from moto.core.model_instances import reset_model_data
from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import BaseWSGIServer, make_server

from infra.local import shortcuts

REGION = "us-east-1"


class _OneCallAtATime:
    def __init__(self, app: Any) -> None:
        self._app = app
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        with self._lock:
            try:
                return list(self._app(environ, start_response))
            finally:
                forget_model_copies()


def forget_model_copies() -> None:
    """Drop moto's list of every model object it made (its dashboard's); the backends keep their data."""
    reset_model_data()


class Emulator:
    def __init__(self, port: int) -> None:
        shortcuts.install()
        app = _OneCallAtATime(DomainDispatcherApplication(create_backend_app))
        self._server: BaseWSGIServer = make_server("127.0.0.1", port, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="moto", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()


def point_aws_clients_at(url: str) -> None:
    """Every botocore client (boto3's and PynamoDB's) reads its endpoint from the environment."""
    os.environ.update(
        {
            "AWS_ENDPOINT_URL": url,
            "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local",
            "AWS_DEFAULT_REGION": REGION,
        }
    )
