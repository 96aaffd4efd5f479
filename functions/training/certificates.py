"""The daily certificate job (EventBridge, 05:00 UTC): reminders 30 and 7 days ahead, marked expired after."""

from dataclasses import asdict
from typing import Any

from portside.observability import logger, metrics
from portside.training.expiry import run_certificate_job


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    run = run_certificate_job()
    metrics.add_metric(name="CertificatesReminded", unit="Count", value=run.reminded)
    metrics.add_metric(name="CertificatesExpired", unit="Count", value=run.expired)
    logger.info("certificate job done", extra=asdict(run))
    return asdict(run)
