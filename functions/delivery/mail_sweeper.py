"""The outbox sweeper (EventBridge, every few minutes): every later attempt of a mail, and parking.

Mail whose first attempt failed, or whose stream record never reached the worker (a stream keeps
records 24 hours), is attempted again when due, and parked for the admins after the last attempt.
Sign-in link requests and document announcements the stream never delivered are fulfilled too;
their mail follows through the stream, or through this sweeper once it is due.
"""

from typing import Any

from portside.documents import announcements as document_announcements
from portside.mail.delivery import sweep
from portside.observability import logger, metrics
from portside.sign_in import asking


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    outcomes = {f"request_{outcome}": count for outcome, count in asking.sweep().items()}
    outcomes.update({f"announcement_{outcome}": count for outcome, count in document_announcements.sweep().items()})
    outcomes.update(sweep())
    for outcome, count in outcomes.items():
        metrics.add_metric(name=f"Swept_{outcome}", unit="Count", value=count)
    logger.info("outbox sweep done", extra=outcomes)
    return outcomes
