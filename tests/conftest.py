"""Test-wide setup: nothing may reach real AWS, whatever the machine's environment holds."""

from __future__ import annotations

import os

import pytest

from infra.local import shortcuts

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

# The emulator's shortcuts, as the local runtime runs them (infra/local/shortcuts.py).
shortcuts.install()

pytest_plugins = ["tests.e2e.runtime"]

# The files that take longest, run first: xdist hands a worker a whole file at a time, so a long file
# started last keeps one core busy while the other waits. The ten slowest tests of every run are
# printed at its end (``--durations``); a file that joins them belongs here.
LONGEST_FIRST = (
    "tests/functional/imports/test_imports.py",
    "tests/browser/test_console_journey.py",
    "tests/functional/test_bench_scenarios.py",
    "tests/browser/imports/test_import_journey.py",
    "tests/browser/documents/test_document_journey.py",
    "tests/functional/test_kill_list.py",
    "tests/functional/test_no_input_breaks_a_route.py",
    "tests/browser/admins/test_admin_journey.py",
    "tests/e2e/lookups/test_lookups_over_http.py",
    "tests/functional/lookups/test_lookups.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    first = {path: rank for rank, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: first.get(item.nodeid.split("::")[0], len(first)))
