"""The daily certificate job (EventBridge, 05:00 UTC): reminders 30 and 7 days ahead, marked expired after."""

from dataclasses import asdict
from typing import Any

from portside.domain.certificate_ends import run_certificate_job
from portside.observability import logger, metrics


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    run = run_certificate_job()
    metrics.add_metric(name="CertificatesReminded", unit="Count", value=run.reminded)
    metrics.add_metric(name="CertificatesExpired", unit="Count", value=run.expired)
    logger.info("certificate job done", extra=asdict(run))
    return asdict(run)
