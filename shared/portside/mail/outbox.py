"""Outbox items: the mail a change causes, put in the change's own transaction."""

from __future__ import annotations

import json
import uuid
from typing import Any

from portside import clock
from portside.data.models import OutboxMail


def outbox_mail(tenant_id: str, to: str, template: str, **context: Any) -> OutboxMail:
    """``template`` names ``templates/email/<template>.txt`` and ``.html``; context must be JSON-able."""
    return OutboxMail.build(
        tenant_id,
        uuid.uuid4().hex,
        to=[to],
        template=template,
        context_json=json.dumps(context, sort_keys=True),
        created_at=clock.now(),
    )
