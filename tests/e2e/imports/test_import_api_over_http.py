"""The import API over HTTP against the local runtime: a key from the console, a push, and the worker's result."""

from __future__ import annotations

import re
import time

import pytest
import requests

from tests.e2e.runtime import Runtime
from tests.e2e.test_console_over_http import console

pytestmark = pytest.mark.e2e


def test_an_erp_pushes_stock_and_reads_how_it_went_and_bad_keys_and_bodies_are_told(runtime: Runtime) -> None:
    owner, csrf = console(runtime, "owner@northwind.example")
    created = owner.post("/admin/imports/keys", {"csrf_token": csrf, "name": "E2E ERP"})
    key = re.search(r'<code class="secret">(psk_[\w-]+)</code>', created.text)
    assert created.status_code == 201 and key
    auth = {"Authorization": f"Bearer {key.group(1)}"}
    url = f"{runtime.base_url}/api/imports/stock"

    pushed = requests.post(
        url, json={"rows": [{"sku": "E2E-1", "name": "Pushed", "available": 3}]}, headers=auth, timeout=30
    )
    assert pushed.status_code == 202
    status_url = runtime.base_url + pushed.json()["status_url"]
    deadline = time.monotonic() + 30
    while (status := requests.get(status_url, headers=auth, timeout=30).json())["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, "the import worker never ran it"
        time.sleep(0.3)
    assert (status["status"], status["created"] + status["updated"] + status["unchanged"]) == ("done", 1)

    assert (
        requests.post(url, json={"rows": []}, headers={"Authorization": "Bearer psk_x"}, timeout=30).status_code == 401
    )
    bad = requests.post(url, data=b"{nope", headers=auth, timeout=30)
    assert bad.status_code == 400 and bad.json()["error"] == "invalid"
    huge = requests.post(url, data=b'{"rows": [' + b'{"sku": "A"},' * 450_000 + b"{}]}", headers=auth, timeout=60)
    assert huge.status_code == 413 and huge.headers["Content-Type"].startswith("application/json")
