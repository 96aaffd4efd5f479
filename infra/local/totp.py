"""The local admins' second factor: one documented TOTP secret, set up in the emulator's Cognito.

moto's Cognito checks TOTP codes when ``MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP`` is on, against a
single secret it hands to every user. The local runtime sets that secret to the documented one, so
an authenticator app (or ``/_dev/totp``) gives codes that the very same sign-in code accepts.
"""

from __future__ import annotations

import base64
import os
import time

from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.twofactor.totp import TOTP

LOCAL_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # noqa: S105 - local only: documented in the README (demo data), never a real pool
STEP_SECONDS = 30


def current_code(secret: str = LOCAL_TOTP_SECRET, at: float | None = None) -> str:
    """The six digits an authenticator shows for ``secret`` now (or at ``at``)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)
    totp = TOTP(key, 6, SHA1(), STEP_SECONDS, enforce_key_length=False)  # noqa: S303 - RFC 6238 and Cognito use SHA-1
    return totp.generate(int(time.time() if at is None else at)).decode()


def seconds_left() -> float:
    """How long the current code has to run."""
    return STEP_SECONDS - time.time() % STEP_SECONDS


def fresh_code(secret: str = LOCAL_TOTP_SECRET, at_least: float = 2.0) -> str:
    """The current code, with at least ``at_least`` seconds of its 30 to run.

    moto accepts only the code of the current step (Cognito also accepts a neighbour), so a code
    read in the last instant of its step could expire on its way: scripts and tests wait for the
    next step instead.
    """
    remaining = seconds_left()
    if remaining < at_least:
        time.sleep(remaining + 0.05)
    return current_code(secret)


_last_code: dict[str, str] = {}


def unused_code(email: str, at_least: float = 2.0) -> str:
    """A fresh code this process has not just used for ``email``, waiting for the next step if need be.

    The portal refuses a code an admin has used within its window (as a person would wait for the
    authenticator's next code): scripts and tests that sign one admin in twice do the same.
    """
    code = fresh_code(at_least=at_least)
    while _last_code.get(email) == code:
        time.sleep(seconds_left() + 0.05)
        code = fresh_code(at_least=at_least)
    _last_code[email] = code
    return code


def enable_in_emulator() -> None:
    """Make moto's Cognito check codes, against the documented secret."""
    from moto.cognitoidp import models

    os.environ["MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP"] = "true"
    models.COGNITO_TOTP_MFA_SECRET = LOCAL_TOTP_SECRET  # type: ignore[misc]
