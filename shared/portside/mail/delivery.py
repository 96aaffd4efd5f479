"""Delivering an outbox item: count the attempt, render, send, mark it sent.

The attempt is counted (and the item's next due time pushed out) by a conditional write
*before* anything that can fail: whatever goes wrong afterwards, even a crash of the function,
the attempt is on the item and the item is due again later. The stream worker makes the first
attempt; the sweeper (``sweep``) makes every later one, from the pending list, so an item can
never stay pending unseen, and the same counter decides on AWS and locally. After
``mail_max_attempts`` the item is parked as ``failed`` for the admins' list, its secrets
deleted. A mail is sent at least once: a function that dies between sending and marking
sends it again on the next sweep. The change that caused the mail is never undone.
"""

from __future__ import annotations

import json
from datetime import timedelta

from pynamodb.exceptions import UpdateError
from pynamodb.expressions.update import Action

from portside import clock
from portside.config import settings
from portside.data import reads
from portside.data.models.records import OutboxMail
from portside.mail.outbox import without_secrets
from portside.mail.render import render_mail
from portside.mail.sender import send
from portside.observability import logger, metrics

SWEEP_BATCH = 100  # items per tenant and run: a backlog is worked off over a few runs, within the function's time


def retry_delay(attempt: int) -> timedelta:
    """How long after attempt ``attempt`` the next one is due: 1, 2, 4, 8 … minutes."""
    return timedelta(minutes=2 ** min(attempt - 1, 6))


def deliver(keys: tuple[str, str]) -> str:
    """One attempt. Returns "sent", "retrying", "parked" or "skipped" (not pending, or another attempt holds it)."""
    mail = reads.get_or_none(OutboxMail, keys, consistent=True)
    if mail is None or mail.status != "pending":
        return "skipped"
    attempt = int(mail.attempts) + 1
    if attempt > settings().mail_max_attempts:
        return _park(mail, mail.last_error or "gave up")
    try:
        mail.update(
            actions=[
                OutboxMail.attempts.set(attempt),
                OutboxMail.GSI1SK.set(OutboxMail.due_order(clock.now() + retry_delay(attempt), mail.mail_id)),
            ],
            condition=(OutboxMail.status == "pending") & (OutboxMail.attempts == int(mail.attempts)),
        )
    except UpdateError:
        return "skipped"
    context = json.loads(mail.context_json)
    try:
        rendered = render_mail(mail.template, context)
        send(list(mail.to), rendered, context.get("brand", {}).get("name", "Partner portal"))
    except Exception as error:
        logger.warning("mail send failed", extra={"mail_id": mail.mail_id, "attempt": attempt, "error": repr(error)})
        if attempt >= settings().mail_max_attempts:
            return _park(mail, repr(error))
        _update_if_pending(mail, [OutboxMail.last_error.set(repr(error)[:500])])
        return "retrying"
    _update_if_pending(
        mail,
        [
            OutboxMail.status.set("sent"),
            OutboxMail.sent_at.set(clock.now()),
            OutboxMail.context_json.set(without_secrets(mail)),
            OutboxMail.GSI1PK.remove(),
            OutboxMail.GSI1SK.remove(),
        ],
    )
    metrics.add_metric(name="MailSent", unit="Count", value=1)
    return "sent"


def _park(mail: OutboxMail, error: str) -> str:
    index_pk, index_sk = mail.parked_index_keys()
    parked = _update_if_pending(
        mail,
        [
            OutboxMail.status.set("failed"),
            OutboxMail.last_error.set(error[:500]),
            OutboxMail.GSI1PK.set(index_pk),
            OutboxMail.GSI1SK.set(index_sk),
            OutboxMail.context_json.set(without_secrets(mail)),
        ],
    )
    if not parked:
        return "skipped"
    logger.error("mail parked after repeated failures", extra={"mail_id": mail.mail_id, "error": error[:500]})
    metrics.add_metric(name="MailParked", unit="Count", value=1)
    return "parked"


def _update_if_pending(mail: OutboxMail, actions: list[Action]) -> bool:
    try:
        mail.update(actions=actions, condition=OutboxMail.status == "pending")
    except UpdateError:
        logger.warning("outbox item was handled by another attempt", extra={"mail_id": mail.mail_id})
        return False
    return True


def sweep() -> dict[str, int]:
    """Attempt every pending mail that is due: the stream's first attempt failed, or never came. Counts by outcome."""
    outcomes: dict[str, int] = {}
    now = clock.now()
    for tenant in reads.every_tenant():
        due = OutboxMail.gsi1.query(
            OutboxMail.pending_partition(tenant.tenant_id),
            now.isoformat() >= OutboxMail.GSI1SK,
            limit=SWEEP_BATCH,
        )
        for item in due:
            outcome = deliver((item.PK, item.SK))
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes
