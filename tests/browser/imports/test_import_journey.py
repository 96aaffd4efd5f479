"""Imports in a real browser: ops imports the sample orders file at a desk and reads its report."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from infra.local import demo_lookups
from tests.browser.sign_in.test_sign_in_journey import VIEWPORTS
from tests.browser.test_console_journey import SHOTS, sign_in_to_console
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.browser

SAMPLE = Path(demo_lookups.__file__).parent / "demo" / "sample-orders.csv"


def test_ops_imports_the_sample_orders_and_reads_the_report(browser: Browser, runtime: Runtime) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"], accept_downloads=True)  # type: ignore[arg-type]
    try:
        ops = desktop.new_page()
        sign_in_to_console(ops, runtime, "ops@northwind.example")
        ops.get_by_role("navigation", name="Main").get_by_role("link", name="Data imports").click()
        ops.get_by_label("Kind of data").select_option(label="Orders")
        ops.get_by_label("File").set_input_files(SAMPLE)
        ops.get_by_role("button", name="Upload").click()
        expect(ops.get_by_text("Uploaded and checked: sample-orders.csv")).to_be_visible()
        expect(ops.get_by_label("Kind of data")).to_have_value("orders")
        ops.get_by_role("button", name="Start the import").click()
        expect(ops.get_by_text("Import started")).to_be_visible()
        report = ops.get_by_role("link", name="Rejected rows (CSV)")
        for _ in range(60):  # as ops would: refresh until the import is done (the page never reloads itself)
            if report.is_visible():
                break
            ops.wait_for_timeout(500)
            ops.reload()
        expect(report).to_be_visible()
        ops.screenshot(path=SHOTS / "imports-desktop-1-done.png", full_page=True)
        with ops.expect_download() as downloading:
            report.click()
        rows = Path(downloading.value.path()).read_text().splitlines()
        assert rows[0] == "line,column,reason" and rows[1].startswith("6,quantity,")
    finally:
        desktop.close()
