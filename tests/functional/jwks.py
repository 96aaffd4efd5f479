"""moto's Cognito signing keys, published over HTTP on loopback as Cognito publishes a pool's.

The in-process mock serves no HTTP, and PyJWT fetches keys only over http(s).
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import moto

MOTO_JWKS = Path(moto.__file__).parent / "cognitoidp" / "resources" / "jwks-public.json.gz"


@contextmanager
def published_jwks() -> Iterator[str]:
    """The URL of the key set while the context is open."""
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
    try:
        yield f"http://127.0.0.1:{server.server_port}/.well-known/jwks.json"
    finally:
        server.shutdown()


def use_admin_pool(jwks_url: str, setenv: Callable[[str, str], None]) -> dict[str, str]:
    """Create the emulated admin pool with the four demo admins (TOTP set up) and point the settings at it."""
    from infra.local import resources, seed, totp
    from portside.config import settings

    totp.enable_in_emulator()
    pool = resources.create_admin_pool()
    for name, value in resources.admin_settings(pool, jwks_url).items():
        setenv(name, value)
    settings.cache_clear()
    seed.seed_admins(pool["pool_id"], pool["client_id"])
    return pool  # type: ignore[no-any-return]
