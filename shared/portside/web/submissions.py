"""What partner submissions (deal registrations, questions, pricing requests) share.

- The new item's id is derived from the form it came from (``submission_id``, minted when the
  form was shown), so posting the same form twice, or from two tabs at once, creates one item.
- The admins who handle a submission (ops; finance and owners for pricing requests) are mailed
  it, in the submission's own transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from portside.data.changes import Changes, ConditionFailed
from portside.data.models.admins import AdminMember
from portside.data.models.tenants import Tenant
from portside.mail.outbox import outbox_mail
from portside.web.tenants import mail_brand

Item = TypeVar("Item")
OPS = frozenset({"ops"})  # who handles deal registrations and questions


def submission_item_id(namespace: uuid.UUID, tenant_id: str, contact_id: str, submission_id: str) -> str:
    return uuid.uuid5(namespace, f"{tenant_id}:{contact_id}:{submission_id}").hex


def commit_once(changes: Changes, label: str, earlier: Callable[[], Item | None]) -> Item | None:
    """Commit; when the item labelled ``label`` already exists (the same form won a moment ago), that item."""
    try:
        changes.commit()
    except ConditionFailed as failed:
        raced = earlier() if label in failed.labels else None
        if raced is None:
            raise
        return raced
    return None


def admin_addresses(tenant_id: str, roles: frozenset[str]) -> list[str]:
    """The tenant's active admins with any of ``roles``."""
    members = AdminMember.gsi1.query(AdminMember.list_partition(tenant_id))
    return sorted(
        m.email for m in members if isinstance(m, AdminMember) and m.status == "active" and roles & set(m.roles)
    )


def mail_admins(
    changes: Changes, tenant: Tenant, template: str, about: str, roles: frozenset[str] = OPS, **context: Any
) -> None:
    """Add to ``changes`` the mail announcing a submission to the admins with ``roles``, if the tenant has any."""
    recipients = admin_addresses(tenant.tenant_id, roles)
    if recipients:
        brand = mail_brand(tenant, None)
        changes.put(
            outbox_mail(tenant.tenant_id, recipients, template, about=about, brand=brand, **context), label="mail"
        )
