"""The local runtime, started once per test run for the end-to-end and browser tests.

It is the very ``make dev`` process (``python -m infra.local``) on free ports. Every
test talks to it over HTTP only; the command line tool runs in a subprocess so that
this process's AWS settings stay pointed at nothing real.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Runtime:
    base_url: str
    emulator_url: str
    sso_url: str  # the stand-in identity provider

    def mails(self) -> list[dict]:
        return requests.get(f"{self.base_url}/_dev/mail.json", timeout=10).json()  # type: ignore[no-any-return]

    def wait_for_mail(self, to: str, already: int = 0, timeout: float = 15.0) -> dict:
        """The newest mail to ``to`` once more than ``already`` have arrived."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            mails = [mail for mail in self.mails() if to in mail["to"]]
            if len(mails) > already:
                return mails[-1]
            time.sleep(0.1)
        raise AssertionError(f"no mail to {to} within {timeout}s")

    def count_mail(self, to: str) -> int:
        return len([mail for mail in self.mails() if to in mail["to"]])

    def invite(self, partner: str, role: str) -> str:
        """A fresh contact for one test, invited through the real command (and its mail drained)."""
        email = f"{role}-{uuid.uuid4().hex[:8]}@{partner}.example"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "portside.cli",
                "--local",
                self.emulator_url,
                "invite",
                "--tenant",
                "northwind",
                "--partner",
                partner,
                "--email",
                email,
                "--name",
                f"Test {role.title()}",
                "--role",
                role,
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=60,
        )
        self.wait_for_mail(email)
        return email


@pytest.fixture(scope="session")
def runtime() -> Iterator[Runtime]:
    port, emulator_port, sso_port = free_port(), free_port(), free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = (ARTIFACTS / "local-runtime.log").open("w")
    env = {
        **os.environ,
        "PORT": str(port),
        "MOTO_PORT": str(emulator_port),
        "SSO_PORT": str(sso_port),
        # All tests share one client address: the per-IP limit is proven by the functional tests.
        "PORTSIDE_SIGN_IN_LIMIT_PER_IP": "10000",
        # A document limit an oversized upload can pass quickly (the emulator ignores the POST policy's own).
        "PORTSIDE_DOCUMENT_MAX_BYTES": str(1024 * 1024),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "infra.local"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if requests.get(f"{base_url}/partners/login", timeout=2).status_code == 200:
                break
        except (requests.ConnectionError, requests.Timeout):  # not listening yet, or still seeding
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the local runtime did not start; see {log.name}")
        time.sleep(0.2)
    yield Runtime(base_url, f"http://127.0.0.1:{emulator_port}", f"http://127.0.0.1:{sso_port}")
    process.send_signal(signal.SIGINT)  # what Ctrl-C sends to `make dev`
    try:
        assert process.wait(timeout=15) == 0, "the local runtime did not stop cleanly on SIGINT"
    finally:
        if process.poll() is None:
            process.kill()
        log.close()
