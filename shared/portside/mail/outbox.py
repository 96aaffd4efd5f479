"""Outbox items: the mail a change causes, put in the change's own transaction."""

from __future__ import annotations

import json
import uuid
from typing import Any

from portside import clock
from portside.data.models import OutboxMail


def outbox_mail(
    tenant_id: str, to: str | list[str], template: str, secrets: dict[str, str] | None = None, **context: Any
) -> OutboxMail:
    """``template`` names ``templates/email/<template>.txt`` and ``.html``; context must be JSON-able.

    ``secrets`` (a link carrying a token, a one-time code) join the context only until the mail is
    sent or parked: the worker then deletes them, so the table keeps no usable secret at rest.
    """
    secrets = secrets or {}
    return OutboxMail.build(
        tenant_id,
        uuid.uuid4().hex,
        to=[to] if isinstance(to, str) else list(to),
        template=template,
        context_json=json.dumps({**context, **secrets}, sort_keys=True),
        secret_keys=sorted(secrets),
        created_at=clock.now(),
    )


def without_secrets(mail: OutboxMail) -> str:
    """The context as it may stay in the table once the mail is out of our hands."""
    context = json.loads(mail.context_json)
    for key in mail.secret_keys or []:
        context.pop(key, None)
    return json.dumps(context, sort_keys=True)
