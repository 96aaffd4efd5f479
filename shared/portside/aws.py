"""Lazy AWS clients: built on first use and cached per process, never at import.

botocore's own clients, not boto3's: the portal uses no boto3 resource or transfer helper, and
boto3 would add its import to every cold start that builds a client (the S3 presigned POST is
botocore's too). Endpoints come from botocore's configuration (``AWS_ENDPOINT_URL``), which is how
the local runtime points the very same code at its embedded emulator.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import botocore.session


@cache
def client(service: str) -> Any:
    return botocore.session.get_session().create_client(service)
