"""Test-wide setup: nothing may reach real AWS, whatever the machine's environment holds."""

from __future__ import annotations

import os

from infra.local import transactions

for variable in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_SECURITY_TOKEN"):
    os.environ.pop(variable, None)
os.environ.update(
    {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "POWERTOOLS_METRICS_DISABLED": "true",
        "POWERTOOLS_LOG_LEVEL": "WARNING",
    }
)

# The emulator's transactions, as the local runtime runs them (no copy of the table per transaction).
transactions.install()

pytest_plugins = ["tests.e2e.runtime"]
