"""Outbox items: the mail a change causes, put in the change's own transaction."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any

from portside import clock
from portside.data.models.records import OutboxMail

# The stream worker makes the first attempt within seconds; only a mail still pending after this is swept.
FIRST_SWEEP_AFTER = timedelta(minutes=2)


def outbox_mail(
    tenant_id: str,
    to: str | list[str],
    template: str,
    *,
    about: str,
    secrets: dict[str, str] | None = None,
    mail_id: str | None = None,
    **context: Any,
) -> OutboxMail:
    """``template`` names ``templates/email/<template>.txt`` and ``.html``; context must be JSON-able.

    ``about`` names the record the mail is about (``deal:<id>``, ``contact:<id>``), for the admins'
    list of mail that could not be sent. ``secrets`` (a link carrying a token, a one-time code) join
    the context only until the mail is sent or parked: then they are deleted, so the table keeps no
    usable secret at rest. ``mail_id``: a fixed id, for a mail that must be queued once however
    often its cause is handled; by default a fresh one.
    """
    secrets = secrets or {}
    now = clock.now()
    return OutboxMail.build(
        tenant_id,
        mail_id or uuid.uuid4().hex,
        now,
        now + FIRST_SWEEP_AFTER,
        to=[to] if isinstance(to, str) else list(to),
        template=template,
        context_json=json.dumps({**context, **secrets}, sort_keys=True),
        secret_keys=sorted(secrets),
        about=about,
    )


def copy_of(mail: OutboxMail) -> OutboxMail:
    """A fresh pending item with the same recipients, template and (secret-free) context."""
    return outbox_mail(
        mail.tenant_id, list(mail.to), mail.template, about=mail.about or "", **json.loads(without_secrets(mail))
    )


def without_secrets(mail: OutboxMail) -> str:
    """The context as it may stay in the table once the mail is out of our hands."""
    context = json.loads(mail.context_json)
    for key in mail.secret_keys or []:
        context.pop(key, None)
    return json.dumps(context, sort_keys=True)
