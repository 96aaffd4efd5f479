"""Refusals an auditor should be able to see, recorded as audit events named ``security.*``.

A route refused to the signed-in role, a form refused for CSRF, a spent or dead sign-in link
pressed, a refusal during a lockout: each is recorded with who (or ``anonymous``), what, the
client's address and agent. Being refused must not let anyone fill the table, so each client
address may add at most ``PER_CLIENT`` such records in a window and each tenant ``PER_TENANT``;
past that the refusal still happens, unrecorded, and a metric counts what was dropped.
(Wrong codes, stranger's addresses and failed admin sign-ins are recorded by their own flows,
inside transactions their own rate limits bound.)
"""

from __future__ import annotations

from typing import Any

from portside.audit import Client, audit_event
from portside.auth import rate_limits
from portside.auth.rate_limits import Limit
from portside.data.changes import Changes, ConditionFailed
from portside.observability import logger, metrics

PREFIX = "security."
WINDOW_SECONDS = 15 * 60
PER_CLIENT = 30
PER_TENANT = 1000


def record(tenant_id: str, action: str, actor: str, target: str, client: Client, **details: Any) -> bool:
    """Record ``security.<action>``; False when the window is full and it was dropped."""
    changes = Changes(audit_event(tenant_id, actor, PREFIX + action, target, client, **details))
    rate_limits.count(changes, tenant_id, Limit("security-client", client.ip or "-", PER_CLIENT, WINDOW_SECONDS))
    rate_limits.count(changes, tenant_id, Limit("security-tenant", tenant_id, PER_TENANT, WINDOW_SECONDS))
    try:
        changes.commit()
    except ConditionFailed as failed:
        if not rate_limits.limited_scopes(failed):
            raise
        metrics.add_metric(name="SecurityEventsDropped", unit="Count", value=1)
        return False
    except Exception:  # recording must never turn a refusal into an error page
        logger.exception("a security event could not be recorded", extra={"action": action})
        return False
    return True
