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
from botocore.config import Config

# Presigned S3 links and uploads are signed with Signature Version 4: the only one every region takes,
# and the one whose links say how long they live (``X-Amz-Expires``).
_CONFIG = {"s3": Config(signature_version="s3v4")}


@cache
def client(service: str) -> Any:
    return botocore.session.get_session().create_client(service, config=_CONFIG.get(service))
