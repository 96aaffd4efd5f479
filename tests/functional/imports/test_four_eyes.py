"""Four eyes on imports: a prices or accounts run past the tenant's thresholds is held whole until a second
finance admin approves it; approved, it applies exactly what was listed; declined or changed meanwhile, nothing."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local import seed
from portside.data import reads
from portside.data.models.records import AuditEvent
from portside.imports.columns import COLUMNS, EXAMPLE_ROWS
from portside.imports.models import ImportJob
from portside.lookups.models.catalogue import Account, PriceEntry
from tests.functional.imports.helpers import csv_text, latest_job, run_imports, start
from tests.functional.portal import Portal

FINANCE, OWNER, OPS = "finance@northwind.example", "owner@northwind.example", "ops@northwind.example"


@pytest.fixture
def finance(portal: Portal, admin_pool: dict[str, Any]) -> Portal:
    portal.admin_sign_in(FINANCE)
    return portal


def own_price(sku: str, price: str, list_price: str = "1500.00") -> dict[str, str]:
    return {
        **EXAMPLE_ROWS["prices"],
        "sku": sku,
        "tier": "",
        "partner_id": "acme",
        "price": price,
        "list_price": list_price,
    }


def own_entry(sku: str) -> PriceEntry | None:
    keys = PriceEntry.partition_of(seed.TENANT_ID, "partner:acme"), PriceEntry.sort_of(sku, 1, "2026-01-01")
    return reads.get_or_none(PriceEntry, keys)


def tier_entry(sku: str) -> PriceEntry | None:
    keys = PriceEntry.partition_of(seed.TENANT_ID, "tier:gold"), PriceEntry.sort_of(sku, 1, "2026-01-01")
    return reads.get_or_none(PriceEntry, keys)


def account(partner_id: str) -> Account | None:
    return reads.get_or_none(Account, Account.keys_for(seed.TENANT_ID, partner_id))


def audit_actions() -> list[str]:
    return [event.action for event in AuditEvent.query(AuditEvent.partition_of(seed.TENANT_ID))]


def held_run(portal: Portal, kind: str, rows: list[dict[str, str]]) -> ImportJob:
    start(portal, csv_text(COLUMNS[kind], rows), kind)
    assert run_imports() == ["held"]
    return latest_job()


def switch_to(portal: Portal, email: str) -> Portal:
    portal.jar.clear()
    portal.admin_sign_in(email)
    return portal


def test_a_price_past_the_discount_threshold_holds_the_whole_run_until_a_second_finance_admin_approves(
    finance: Portal,
) -> None:
    rows = [
        own_price("FE-1", "1000.00"),  # 33% off the list price: past the demo's 30%
        own_price("FE-2", "1400.00"),  # within
        {**EXAMPLE_ROWS["prices"], "sku": "FE-3"},  # a tier's price, never held
    ]
    job = held_run(finance, "prices", rows)

    assert own_entry("FE-1") is None and own_entry("FE-2") is None and tier_entry("FE-3") is None, "held whole"
    assert (job.status, job.held_count, job.held_digest is not None) == ("held", 1, True)
    page = finance.get(f"/admin/imports/{job.import_id}")
    assert page.status == 200 and "FE-1" in page.body and "$1,000.00" in page.body and "FE-2" not in page.body
    assert "Approve the import" not in page.body, "its importer is no second pair of eyes"
    assert "Waiting for a second approval" in finance.get("/admin/imports").body

    refused = finance.admin_post(f"/admin/imports/{job.import_id}/decision", {"decision": "approve"})
    assert refused.status == 409 and "a different finance admin" in refused.body
    assert ImportJob.get(job.PK, job.SK).status == "held"

    owner = switch_to(finance, OWNER)
    assert "Approve the import" in owner.get(f"/admin/imports/{job.import_id}").body
    approved = owner.admin_post(f"/admin/imports/{job.import_id}/decision", {"decision": "approve"})
    assert approved.status == 303 and approved.location == f"/admin/imports/{job.import_id}?notice=approved"
    assert run_imports() == ["done"]

    assert own_entry("FE-1").price == 100000 and own_entry("FE-2").price == 140000  # type: ignore[union-attr]
    assert tier_entry("FE-3") is not None
    decided, rerun = ImportJob.get(job.PK, job.SK), latest_job()
    assert (decided.status, decided.run_id, decided.decided_by) == ("approved", rerun.import_id, f"admin:{OWNER}")
    assert (rerun.approval_of, rerun.approved_by) == (job.import_id, f"admin:{OWNER}")
    assert rerun.started_by == f"admin:{FINANCE}", "the run stays the importer's"
    steps = ("import.held", "import.approved", "import.done")
    assert [action for action in audit_actions() if action in steps] == list(steps)
    again = owner.admin_post(f"/admin/imports/{job.import_id}/decision", {"decision": "approve"})
    assert again.status == 409 and "not waiting for an approval" in again.body


def test_a_credit_limit_moved_past_the_threshold_is_held_and_a_decline_applies_nothing(finance: Portal) -> None:
    first = [{**EXAMPLE_ROWS["accounts"], "credit_limit": "40000.00"}]  # from none: within the demo's $50,000
    start(finance, csv_text(COLUMNS["accounts"], first), "accounts")
    assert run_imports() == ["done"]
    rows = [
        {**EXAMPLE_ROWS["accounts"], "credit_limit": "99999999.00"},  # the finding: $99,999,999
        {**EXAMPLE_ROWS["accounts"], "partner_id": "globex", "credit_limit": "10.00", "balance": "1.00"},
    ]
    job = held_run(finance, "accounts", rows)
    page = finance.get(f"/admin/imports/{job.import_id}").body
    assert "credit limit" in page and "$40,000.00" in page and "$99,999,999.00" in page and "Globex" not in page

    declined = finance.admin_post(f"/admin/imports/{job.import_id}/decision", {"decision": "decline"})

    assert declined.status == 303
    acme = account("acme")
    assert acme is not None and acme.credit_limit == 4_000_000 and account("globex") is None, "held whole"
    assert ImportJob.get(job.PK, job.SK).status == "declined" and "import.declined" in audit_actions()
    assert run_imports() == [], "a declined run queues nothing"


def test_an_approved_run_whose_changes_differ_by_then_is_held_again(finance: Portal) -> None:
    """The approval covers the changes listed, not the file: the partner's price moved meanwhile, so it waits anew."""
    job = held_run(finance, "prices", [own_price("FE-9", "900.00")])
    start(finance, csv_text(COLUMNS["prices"], [own_price("FE-9", "1300.00")]), "prices")  # within: applied at once
    assert run_imports() == ["done"] and own_entry("FE-9").price == 130000  # type: ignore[union-attr]

    owner = switch_to(finance, OWNER)
    owner.admin_post(f"/admin/imports/{job.import_id}/decision", {"decision": "approve"})

    assert run_imports() == ["held"], "the held change was from none to $900; it is now from $1,300"
    assert own_entry("FE-9").price == 130000  # type: ignore[union-attr]


def test_a_lowered_list_price_does_not_hide_a_discount(finance: Portal) -> None:
    start(finance, csv_text(COLUMNS["prices"], [own_price("FE-5", "1400.00")]), "prices")
    assert run_imports() == ["done"]

    job = held_run(finance, "prices", [own_price("FE-5", "1.00", list_price="1.00")])

    assert own_entry("FE-5").price == 140000 and job.held[0].list_price == 150000  # type: ignore[union-attr,index]


def test_without_thresholds_a_run_applies_at_once(finance: Portal) -> None:
    tenant = reads.tenant(seed.TENANT_ID)
    assert tenant is not None
    tenant.update([type(tenant).second_approval_discount_percent.remove()])
    start(finance, csv_text(COLUMNS["prices"], [own_price("FE-7", "0.01")]), "prices")

    assert run_imports() == ["done"] and own_entry("FE-7").price == 1  # type: ignore[union-attr]


@pytest.mark.parametrize("who", [OPS, "auditor@northwind.example"])
def test_only_finance_and_the_owner_decide_a_held_run(finance: Portal, who: str) -> None:
    job = held_run(finance, "prices", [own_price("FE-8", "10.00")])
    other = switch_to(finance, who)

    page = other.get(f"/admin/imports/{job.import_id}")
    refused = other.admin_post(f"/admin/imports/{job.import_id}/decision", {"decision": "approve"})

    assert page.status == 200 and "FE-8" in page.body and "Approve the import" not in page.body
    assert refused.status == 403 and ImportJob.get(job.PK, job.SK).status == "held"
