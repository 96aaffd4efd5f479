"""The edge's secret as the functions know it: read from Secrets Manager at run time, never from configuration.

CloudFront adds the secret to every request it forwards (``x-origin-verify``). A function accepts the
secret's current and previous values, so a rotation (a new value put, then a deploy that hands it
to CloudFront) refuses no request in between. The values are kept per container for
``REFRESH_SECONDS``; a header that matches neither reads them again, but at most once every
``RETRY_SECONDS``, so wrong headers sent around the edge cannot turn every request into a call to
Secrets Manager. docs/deploy.md, "Rotating the edge secret", says how to rotate.
"""

from __future__ import annotations

import logging
import time
from functools import cache

from botocore.exceptions import BotoCoreError, ClientError

from portside.auth.secrets import same
from portside.aws import client

REFRESH_SECONDS = 300.0
RETRY_SECONDS = 30.0
STAGES = ("AWSCURRENT", "AWSPREVIOUS")  # the value CloudFront gets at the next deploy, and the one it has

log = logging.getLogger(__name__)


class EdgeSecret:
    def __init__(self, arn: str) -> None:
        self.arn = arn
        self._values: tuple[str, ...] = ()
        self._read_at = float("-inf")

    def accepts(self, presented: str) -> bool:
        """Whether ``presented`` is the secret's current or previous value (read again when stale or unmatched)."""
        now = time.monotonic()
        age = now - self._read_at
        if age >= REFRESH_SECONDS or (age >= RETRY_SECONDS and not self._matches(presented)):
            self._read(now)
        return self._matches(presented)

    def _matches(self, presented: str) -> bool:
        return bool(presented) and any(same(presented, value) for value in self._values)

    def _read(self, now: float) -> None:
        """Both values, or on a failure the values read before (the next read comes no sooner than a retry)."""
        self._read_at, values = now, []
        for stage in STAGES:
            try:
                values.append(client("secretsmanager").get_secret_value(SecretId=self.arn, VersionStage=stage))
            except (ClientError, BotoCoreError) as error:
                if stage == "AWSPREVIOUS" and _not_found(error):
                    continue  # no previous value before the first rotation
                log.warning("the edge secret's %s value could not be read: keeping what was read before", stage)
                return
        self._values = tuple(str(found["SecretString"]) for found in values)


def _not_found(error: Exception) -> bool:
    return isinstance(error, ClientError) and error.response["Error"]["Code"] == "ResourceNotFoundException"


@cache
def edge_secret(arn: str) -> EdgeSecret:
    """One per container and secret: what it read is kept between requests."""
    return EdgeSecret(arn)
