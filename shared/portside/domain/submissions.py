"""What partner submissions (deal registrations, questions) share.

- The new item's id is derived from the form it came from (``submission_id``, minted when the
  form was shown), so posting the same form twice, or from two tabs at once, creates one item.
- The tenant's ops admins are mailed each submission, in the submission's own transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from portside.data.changes import Changes, ConditionFailed
from portside.data.models.admins import AdminMember
from portside.data.models.tenants import Tenant
from portside.domain.tenants import mail_brand
from portside.mail.outbox import outbox_mail

Item = TypeVar("Item")


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


def ops_addresses(tenant_id: str) -> list[str]:
    """Where submissions are announced: the tenant's active ops admins."""
    members = AdminMember.gsi1.query(AdminMember.list_partition(tenant_id))
    return sorted(m.email for m in members if isinstance(m, AdminMember) and m.status == "active" and "ops" in m.roles)


def mail_ops(changes: Changes, tenant: Tenant, template: str, about: str, **context: Any) -> None:
    """Add to ``changes`` the mail announcing a submission to the tenant's ops admins, if it has any."""
    recipients = ops_addresses(tenant.tenant_id)
    if recipients:
        brand = mail_brand(tenant, None)
        changes.put(
            outbox_mail(tenant.tenant_id, recipients, template, about=about, brand=brand, **context), label="mail"
        )
