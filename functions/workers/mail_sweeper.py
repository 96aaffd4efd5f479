"""The outbox sweeper (EventBridge, every few minutes): every later attempt of a mail, and parking.

Mail whose first attempt failed, or whose stream record never reached the worker (a stream keeps
records 24 hours), is attempted again when due, and parked for the admins after the last attempt.
"""

from typing import Any

from portside.mail.delivery import sweep
from portside.observability import logger, metrics, tracer


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    run = sweep()
    for outcome, count in run.outcomes.items():
        metrics.add_metric(name=f"MailSwept{outcome.title()}", unit="Count", value=count)
    logger.info("outbox sweep done", extra=run.outcomes)
    return run.outcomes
