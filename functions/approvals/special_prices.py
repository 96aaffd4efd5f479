"""The daily special-price job (EventBridge, 05:00 UTC): reminders 7 days ahead, the end after the last day."""

from dataclasses import asdict
from typing import Any

from portside.approvals.ending import run_special_price_job
from portside.observability import logger, metrics


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    run = run_special_price_job()
    metrics.add_metric(name="SpecialPricesReminded", unit="Count", value=run.reminded)
    metrics.add_metric(name="SpecialPricesEnded", unit="Count", value=run.ended)
    logger.info("special price job done", extra=asdict(run))
    return asdict(run)
