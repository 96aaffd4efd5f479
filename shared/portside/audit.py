"""Audit records: who did what to what, when, from where. Written inside the change's transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from portside import clock
from portside.data.models.records import AuditEvent


@dataclass(frozen=True)
class Client:
    """Where a request came from, as far as the portal can tell."""

    ip: str | None = None
    user_agent: str | None = None


def audit_event(tenant_id: str, actor: str, action: str, target: str, client: Client, **details: Any) -> AuditEvent:
    return AuditEvent.build(
        tenant_id,
        uuid.uuid4().hex,
        clock.now(),
        actor,
        action=action,
        target=target,
        client_ip=client.ip,
        user_agent=(client.user_agent or "")[:512] or None,
        details=details or None,
    )
