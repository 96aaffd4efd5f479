"""Requests for a sign-in link: taken on the request path, fulfilled off it.

``POST /partners/login`` must answer the same, in the same time, whether or not the address
belongs to a contact. So it writes the same thing in both cases: a ``SignInRequest`` item and
the per-address and per-IP counters, in one transaction. The stream worker fulfils the request
(a link and its mail for an enabled contact; a security record for anyone else) and deletes it
in the same transaction, so a request is fulfilled once. The sweeper takes any request the
stream never delivered.

The request is recorded as made by ``anonymous``: whoever typed the address is not known to be
the contact.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from portside import clock
from portside.audit import Client, audit_event
from portside.auth import rate_limits
from portside.auth.rate_limits import Limit
from portside.config import settings
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.errors import Conflict
from portside.sign_in.links import add_sign_in_link
from portside.sign_in.models import SignInRequest
from portside.sign_in.spending import mask_email, safe_next_path

TOO_MANY = "You have asked for several sign-in links in a short time. Please wait 15 minutes and try again."
SWEEP_AFTER = timedelta(minutes=1)  # the stream fulfils a request within seconds; the sweeper takes the rest


def request_sign_in_link(tenant: Tenant, email: str, next_path: str | None, client: Client) -> None:
    """Take the request, and count it per address and per client IP: the same writes for any address."""
    config = settings()
    window = config.sign_in_window_seconds
    changes = Changes(audit=None)  # audited when fulfilled: as a link sent, or as a request for a stranger's address
    changes.put(
        SignInRequest.build(
            tenant.tenant_id,
            uuid.uuid4().hex,
            clock.now(),
            email=email,
            next_path=safe_next_path(next_path),
            client_ip=client.ip,
            user_agent=(client.user_agent or "")[:512] or None,
        ),
        label="request",
    )
    rate_limits.count(
        changes, tenant.tenant_id, Limit("sign-in-address", email, config.sign_in_limit_per_address, window)
    )
    rate_limits.count(
        changes, tenant.tenant_id, Limit("sign-in-ip", client.ip or "-", config.sign_in_limit_per_ip, window)
    )
    try:
        changes.commit()
    except ConditionFailed as failed:
        rate_limits.raise_if_limited(failed, TOO_MANY)
        raise Conflict(str(failed)) from failed


def fulfil(keys: tuple[str, str]) -> str:
    """Mail the link (or record the stranger's request) and delete the request: "sent", "unknown" or "skipped"."""
    request = reads.get_or_none(SignInRequest, keys, consistent=True)
    tenant = reads.tenant(request.tenant_id) if request is not None else None
    if request is None or tenant is None:
        return "skipped"
    client = Client(ip=request.client_ip, user_agent=request.user_agent)
    contact = reads.contact_by_email(tenant.tenant_id, request.email)
    if contact is not None and contact.status != "disabled":
        outcome = "sent"
        target = f"contact:{contact.contact_id}"
        changes = Changes(audit_event(tenant.tenant_id, "anonymous", "sign_in.link_requested", target, client))
        add_sign_in_link(changes, tenant, contact, request.next_path)
    else:
        outcome = "unknown"
        target = f"address:{mask_email(request.email)}"
        reason = "disabled contact" if contact is not None else "no contact"
        changes = Changes(
            audit_event(
                tenant.tenant_id, "anonymous", "security.sign_in_unknown_address", target, client, reason=reason
            )
        )
    changes.delete(request, label="request", condition=SignInRequest.PK.exists())
    try:
        changes.commit()
    except ConditionFailed as failed:
        if "request" in failed.labels:
            return "skipped"  # fulfilled by another attempt a moment ago
        raise
    return outcome


def sweep() -> dict[str, int]:
    """Fulfil every request the stream has not delivered within a minute."""
    outcomes: dict[str, int] = {}
    before = (clock.now() - SWEEP_AFTER).isoformat()
    for tenant in reads.every_tenant():
        for item in SignInRequest.gsi1.query(
            SignInRequest.pending_partition(tenant.tenant_id), before >= SignInRequest.GSI1SK
        ):
            outcome = fulfil((item.PK, item.SK))
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes
