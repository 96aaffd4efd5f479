"""Delivering an outbox item: render, send, and mark it sent with a conditional write.

A redelivered stream record finds the item already ``sent`` and sends nothing. The same
write deletes the context's secrets (a link's token, a code), which live in the table only
while the mail waits to be sent. A send
that fails is counted on the item and raised, so the stream retries it; after
``mail_max_attempts`` the item is parked as ``failed`` (listed for admins through GSI1)
instead of being retried for ever. The change that caused the mail is never undone.
"""

from __future__ import annotations

import json

from pynamodb.exceptions import UpdateError
from pynamodb.expressions.update import Action

from portside import clock
from portside.config import settings
from portside.data.models import OutboxMail
from portside.mail.outbox import without_secrets
from portside.mail.render import render_mail
from portside.mail.sender import send
from portside.observability import logger, metrics


def deliver(mail: OutboxMail) -> str:
    """Returns what happened: "sent", "skipped" (already handled) or "parked"; raises to ask for a retry."""
    current = OutboxMail.get(mail.PK, mail.SK, consistent_read=True)
    if current.status != "pending":
        return "skipped"
    context = json.loads(current.context_json)
    try:
        rendered = render_mail(current.template, context)
        send(list(current.to), rendered, context.get("brand", {}).get("name", "Partner portal"))
    except Exception as error:
        return _record_failure(current, error)
    try:
        current.update(
            actions=[
                OutboxMail.status.set("sent"),
                OutboxMail.sent_at.set(clock.now()),
                OutboxMail.context_json.set(without_secrets(current)),
            ],
            condition=OutboxMail.status == "pending",
        )
    except UpdateError:
        logger.warning("outbox item was marked by another delivery", extra={"mail_id": current.mail_id})
        return "skipped"
    metrics.add_metric(name="MailSent", unit="Count", value=1)
    return "sent"


def _record_failure(mail: OutboxMail, error: Exception) -> str:
    attempts = int(mail.attempts) + 1
    logger.warning("mail send failed", extra={"mail_id": mail.mail_id, "attempt": attempts, "error": repr(error)})
    actions: list[Action] = [OutboxMail.attempts.set(attempts), OutboxMail.last_error.set(repr(error)[:500])]
    if attempts >= settings().mail_max_attempts:
        index_pk, index_sk = mail.parked_index_keys()
        actions += [
            OutboxMail.status.set("failed"),
            OutboxMail.GSI1PK.set(index_pk),
            OutboxMail.GSI1SK.set(index_sk),
            OutboxMail.context_json.set(without_secrets(mail)),
        ]
        mail.update(actions=actions, condition=OutboxMail.status == "pending")
        metrics.add_metric(name="MailParked", unit="Count", value=1)
        return "parked"
    mail.update(actions=actions, condition=OutboxMail.status == "pending")
    raise RuntimeError(f"mail {mail.mail_id} not sent (attempt {attempts})") from error
