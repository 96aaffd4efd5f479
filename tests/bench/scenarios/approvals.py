"""Pricing and credit requests: the principal's pages, finance's queue and decision, the daily special-price job."""

from __future__ import annotations

import importlib
import uuid
from typing import Any
from urllib.parse import quote

from infra.local.events import LambdaContext
from tests.bench.scenarios import Scenario, as_contact


def scenarios(portal: Any) -> dict[str, Scenario]:
    from portside.aws import client
    from portside.config import settings
    from tests.functional.approvals.helpers import SPECIAL_PRICE, made_id, own_prices, seed_catalogue
    from tests.functional.documents.helpers import PDF

    seed_catalogue()

    def as_principal() -> None:
        as_contact(portal, "principal@acme.example")

    def as_finance() -> None:
        portal.admin_sign_in("finance@northwind.example")

    def form() -> dict[str, str]:
        as_principal()
        csrf = portal.get("/partners/requests").field("csrf_token")
        fields = {**SPECIAL_PRICE, "request_type": "special_price", "submission_id": uuid.uuid4().hex}
        return {**fields, "csrf_token": csrf}

    def pending() -> str:
        return made_id(portal.post("/partners/requests", form()))

    def decision() -> tuple[str, dict[str, str]]:
        for granted in own_prices():  # the last run's approval: the same price may be asked again
            granted.delete()
        request_id = pending()
        as_finance()
        version = portal.get(f"/admin/approvals/{request_id}").field("version")
        return request_id, {"csrf_token": portal.admin_csrf(), "decision": "approve", "version": version}

    def with_file() -> str:
        as_principal()
        key = portal.get("/partners/requests/new?type=credit_limit").field("key").replace("${filename}", "bank.pdf")
        client("s3").put_object(Bucket=settings().documents_bucket, Key=key, Body=PDF)
        fields = {"request_type": "credit_limit", "requested_limit": "90000", "reason": "Bench", "attachment": key}
        csrf = portal.get(f"/partners/requests/new?type=credit_limit&key={quote(key)}").field("csrf_token")
        request_id = made_id(
            portal.post("/partners/requests", {**fields, "submission_id": uuid.uuid4().hex, "csrf_token": csrf})
        )
        as_finance()
        return request_id

    def job() -> Any:
        handler = importlib.import_module("functions.approvals.special_prices").handler
        return handler({}, LambdaContext(function_name="special_prices"))

    shown = pending()
    return {
        "partner_requests": (as_principal, lambda _: portal.get("/partners/requests")),
        "partner_request_new": (as_principal, lambda _: portal.get("/partners/requests/new?type=special_price")),
        "partner_request_submit": (form, lambda data: portal.post("/partners/requests", data)),
        "partner_request": (as_principal, lambda _: portal.get(f"/partners/requests/{shown}")),
        "partner_request_withdraw": (
            lambda: (pending(), form()["csrf_token"]),
            lambda args: portal.post(f"/partners/requests/{args[0]}/withdraw", {"csrf_token": args[1]}),
        ),
        "admin_approvals": (as_finance, lambda _: portal.get("/admin/approvals")),
        "admin_approval": (as_finance, lambda _: portal.get(f"/admin/approvals/{shown}")),
        "admin_approval_decide": (
            decision,
            lambda args: portal.post(f"/admin/approvals/{args[0]}/decision", args[1]),
        ),
        "admin_approval_file": (with_file, lambda request_id: portal.get(f"/admin/approvals/{request_id}/file")),
        "special_prices": (lambda: None, lambda _: job()),
    }
