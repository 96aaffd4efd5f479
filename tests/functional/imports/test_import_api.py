"""The JSON import API: ERPs push rows with an import key the owner creates (shown once, kept hashed) and revokes."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from infra.local import seed
from portside.auth.secrets import digest
from portside.data.models.records import AuditEvent
from portside.imports.columns import EXAMPLE_ROWS
from portside.imports.models import ImportKey
from portside.lookups.models.catalogue import Product
from tests.functional.imports.helpers import run_imports
from tests.functional.portal import Answer, Portal

OWNER = "owner@northwind.example"


def create_key(portal: Portal, name: str = "SAP production", kinds: list[str] | None = None) -> str:
    created = portal.post(
        "/admin/imports/keys", {"csrf_token": portal.admin_csrf(), "name": name, "kinds": kinds or []}
    )  # type: ignore[dict-item]
    assert created.status == 201, created.body
    found = re.search(r'<code class="secret">(psk_[\w-]+)</code>', created.body)
    assert found
    return found.group(1)


def push(portal: Portal, path: str, body: bytes | str, key: str | None) -> Answer:
    headers = {"Content-Type": "application/json"} | ({"Authorization": f"Bearer {key}"} if key else {})
    return portal.call_raw("POST", path, body.encode() if isinstance(body, str) else body, headers)


def answer_json(answer: Answer) -> dict[str, Any]:
    assert answer.headers["Content-Type"].startswith("application/json")
    return dict(json.loads(answer.body))


@pytest.fixture
def key(portal: Portal, admin_pool: dict[str, Any]) -> str:
    portal.admin_sign_in(OWNER)
    return create_key(portal)


def test_a_key_is_shown_once_kept_hashed_and_audited(portal: Portal, key: str) -> None:
    (stored,) = list(ImportKey.scan())  # test-only Scan

    assert stored.secret_hash == digest(key.split("_", 2)[2]) and key not in json.dumps(
        stored.attribute_values, default=str
    )
    listed = portal.get("/admin/imports/keys").body
    assert "SAP production" in listed and key not in listed and "Never" in listed
    assert [
        e.action for e in AuditEvent.query(AuditEvent.partition_of(seed.TENANT_ID)) if "import_key" in e.action
    ] == ["import_key.created"]


def test_a_key_pushes_only_its_kinds(portal: Portal, key: str) -> None:
    """Orders and stock unless prices or accounts were ticked; the keys page says what each may push."""
    prices = json.dumps({"rows": [EXAMPLE_ROWS["prices"]]})
    finance_key = create_key(portal, "Finance ERP", kinds=["prices"])

    refused = push(portal, "/api/imports/prices", prices, key)
    accepted = push(portal, "/api/imports/prices", prices, finance_key)
    stock_refused = push(portal, "/api/imports/stock", json.dumps({"rows": [EXAMPLE_ROWS["stock"]]}), finance_key)

    assert refused.status == 403 and stock_refused.status == 403 and accepted.status == 202
    stored = {k.name: k.kinds for k in ImportKey.scan()}  # test-only Scan
    assert stored == {"SAP production": ["orders", "stock"], "Finance ERP": ["prices"]}
    listed = portal.get("/admin/imports/keys").body
    assert "<td>Orders, Stock</td>" in listed and "<td>Prices</td>" in listed


def test_an_erp_pushes_rows_and_follows_the_import(portal: Portal, key: str) -> None:
    rows = [
        {**EXAMPLE_ROWS["stock"], "sku": "API-1", "available": 7},
        {"sku": "API-2", "name": "Two", "available": "x"},
    ]

    accepted = push(portal, "/api/imports/stock", json.dumps({"rows": rows}), key)

    assert accepted.status == 202
    body = answer_json(accepted)
    assert body["status"] == "queued" and accepted.headers["Location"] == body["status_url"]
    assert run_imports() == ["done"]
    status = answer_json(portal.call_raw("GET", body["status_url"], b"", {"Authorization": f"Bearer {key}"}))
    assert (status["status"], status["created"], status["rejected"]) == ("done", 1, 1)
    assert Product.get(*Product.keys_for(seed.TENANT_ID, "API-1")).available == 7
    started = [e for e in AuditEvent.query(AuditEvent.partition_of(seed.TENANT_ID)) if e.action == "import.started"]
    assert started[0].actor.startswith("import_key:")
    assert "Never" not in portal.get("/admin/imports/keys").body, "its last use is shown"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{not json", 400),
        (b"\xff\xfe", 400),
        (b'{"rows": []}', 400),
        (b'{"rows": {"sku": "A"}}', 400),
        (b'[{"sku": "A"}]', 400),
        (b'{"rows": [{"sku": "A", "unit_cost_secret": 1}]}', 400),
        (b'{"rows": [{"sku": {"nested": true}}]}', 400),
        (b'{"rows": [' + b'{"sku": "A"},' * 450_000 + b'{"sku": "B"}]}', 413),
    ],
)
def test_bad_bodies_are_told_plainly_as_json_never_a_5xx(portal: Portal, key: str, body: bytes, status: int) -> None:
    answer = push(portal, "/api/imports/stock", body, key)

    assert answer.status == status and answer_json(answer)["message"]


def test_wrong_missing_or_revoked_keys_answer_401_json(portal: Portal, key: str) -> None:
    rows = json.dumps({"rows": [EXAMPLE_ROWS["stock"]]})
    wrong = key[:-4] + ("aaaa" if not key.endswith("aaaa") else "bbbb")

    for attempt in (None, wrong, "psk_nothing", key.replace("psk_", "")):
        answer = push(portal, "/api/imports/stock", rows, attempt)
        assert answer.status == 401 and answer_json(answer)["error"] == "unauthorized", attempt
    key_id = key.split("_")[1]
    assert (
        portal.admin_post(f"/admin/imports/keys/{key_id}/revoke", {}).location == "/admin/imports/keys?notice=revoked"
    )
    assert push(portal, "/api/imports/stock", rows, key).status == 401
    assert push(portal, "/api/imports/nonsense", rows, wrong).status == 401, "no key, no telling which kinds exist"


def test_an_unknown_kind_or_import_is_not_found(portal: Portal, key: str) -> None:
    assert push(portal, "/api/imports/nonsense", '{"rows": [{}]}', key).status == 404
    missing = portal.call_raw("GET", "/api/imports/" + "0" * 32, b"", {"Authorization": f"Bearer {key}"})
    assert missing.status == 404 and answer_json(missing)["error"] == "not_found"


def test_only_the_owner_creates_or_revokes_keys(portal: Portal, key: str) -> None:
    portal.admin_sign_in("ops@northwind.example")

    assert portal.get("/admin/imports/keys").status == 200
    assert portal.admin_post("/admin/imports/keys", {"name": "Mine"}).status == 403
    assert portal.admin_post(f"/admin/imports/keys/{key.split('_')[1]}/revoke", {}).status == 403
