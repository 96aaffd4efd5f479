"""Random secrets and their hashes. Only hashes are ever stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets as _random

SECRET_BYTES = 32  # 256 bits, for link tokens, session ids and CSRF tokens
CODE_DIGITS = 6


def new_secret() -> str:
    """A 256-bit random value, URL-safe (43 characters)."""
    return _random.token_urlsafe(SECRET_BYTES)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_code() -> str:
    """A short one-time code a person can type from a phone: six digits."""
    return f"{_random.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def code_digest(token_hash: str, code: str) -> str:
    """The code's hash, salted with its link so equal codes of two links never share a hash."""
    return digest(f"{token_hash}:{code}")


def same(left: str, right: str) -> bool:
    return hmac.compare_digest(left.encode(), right.encode())
