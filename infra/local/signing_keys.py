"""The emulator's Cognito signing key, imported once per process instead of once per user pool.

moto gives every user pool the same private key from its resources and imports it afresh for each
(joserfc recovers the key's primes: about 0.3 s a pool, most of what setting up the admins' pool
costs a test). The key is the same file every time, so the first import serves every pool; the
tokens moto signs with it are the same (``tests/unit/test_emulator_signing_keys.py``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from moto.cognitoidp import models


@lru_cache(maxsize=4)
def _imported(key: str) -> Any:
    return _original_import(json.loads(key))


def import_once(value: dict[str, Any]) -> Any:
    return _imported(json.dumps(value, sort_keys=True))


_original_import = models.jwk.RSAKey.import_key


def install() -> None:
    """moto's models reach the key through ``jwk.RSAKey.import_key`` only: give them one that remembers."""
    models.jwk = SimpleNamespace(RSAKey=SimpleNamespace(import_key=import_once))  # type: ignore[assignment]
