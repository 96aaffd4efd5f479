"""Lazy boto3 clients: built on first use and cached per process, never at import.

Endpoints come from botocore's own configuration (``AWS_ENDPOINT_URL``), which is how
the local runtime points the very same code at its embedded emulator.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import boto3


@cache
def client(service: str) -> Any:
    return boto3.session.Session().client(service)
