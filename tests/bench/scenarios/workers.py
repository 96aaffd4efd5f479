"""The workers: the mail worker on the stream, the outbox sweeper, the daily protection job."""

from __future__ import annotations

import importlib
from typing import Any

from infra.local.events import LambdaContext
from tests.bench.scenarios import Scenario


def scenarios(portal: Any) -> dict[str, Scenario]:
    from tests.functional.deals.test_reviews import run_daily_job

    def sweep() -> Any:
        handler = importlib.import_module("functions.delivery.mail_sweeper").handler
        return handler({}, LambdaContext(function_name="mail_sweeper"))

    return {
        "mail_sender": (
            lambda: (portal.request_link("principal@acme.example"), portal.outbox_records())[1],
            portal.run_mail_worker,
        ),
        "mail_sweeper": (lambda: None, lambda _: sweep()),
        "deal_protection": (lambda: None, lambda _: run_daily_job()),
    }
