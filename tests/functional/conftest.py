"""Functional tests: each handler called with API Gateway events, against moto's in-process mock."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import moto
import pytest
from moto import mock_aws

from infra.local import resources, seed, totp
from portside.config import settings
from portside.domain import tenants
from tests.functional.portal import Portal

# moto signs its Cognito tokens with this key set; the in-process mock serves no HTTP, so the tests publish it.
MOTO_JWKS = Path(moto.__file__).parent / "cognitoidp" / "resources" / "jwks-public.json.gz"


@pytest.fixture
def portal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Portal]:
    """A fresh emulated account with the demo tenant, and a driver that speaks to the handlers."""
    settings.cache_clear()
    tenants.forget_cached_tenants()
    with mock_aws():
        resources.create_table()
        resources.create_bucket()
        resources.create_mail_identity()
        seed.seed_tenant(Portal.BASE_URL)
        yield Portal(monkeypatch)
    tenants.forget_cached_tenants()
    settings.cache_clear()


@pytest.fixture(scope="session")
def jwks_url() -> Iterator[str]:
    """moto's signing keys over HTTP on loopback, as Cognito publishes a pool's (PyJWT fetches only http/https)."""
    keys = gzip.decompress(MOTO_JWKS.read_bytes())

    class Publish(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(keys)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Publish)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/.well-known/jwks.json"
    server.shutdown()


@pytest.fixture
def admin_pool(portal: Portal, monkeypatch: pytest.MonkeyPatch, jwks_url: str) -> dict[str, Any]:
    """The emulated admin pool with the four demo admins (TOTP set up), and the portal pointed at it."""
    totp.enable_in_emulator()
    pool = resources.create_admin_pool()
    for name, value in resources.admin_settings(pool, jwks_url).items():
        monkeypatch.setenv(name, value)
    settings.cache_clear()
    seed.seed_admins(pool["pool_id"], pool["client_id"])
    return pool
