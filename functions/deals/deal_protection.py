"""The daily deal-protection job (EventBridge, 05:00 UTC): reminders 14 days ahead, expiry after."""

from dataclasses import asdict
from typing import Any

from portside.deals.protection import run_protection_job
from portside.observability import logger, metrics


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    run = run_protection_job()
    metrics.add_metric(name="DealProtectionsReminded", unit="Count", value=run.reminded)
    metrics.add_metric(name="DealProtectionsExpired", unit="Count", value=run.expired)
    logger.info("deal protection job done", extra=asdict(run))
    return asdict(run)
