"""Bookkeeping every feature shares: rate-limit windows, the audit log and the mail outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)

from portside.data.base import PortsideItem, tenant_key


class RateCounter(PortsideItem, discriminator="RateCounter"):
    hits = NumberAttribute(default=0)

    @classmethod
    def keys_for(cls, tenant_id: str, scope: str, subject_hash: str, window: int) -> tuple[str, str]:
        return tenant_key(tenant_id, "RATE", scope, subject_hash, str(window)), "RATE"


class AuditEvent(PortsideItem, discriminator="AuditEvent"):
    """Who did what to what, when, from where. Immutable: written once, inside the change's own transaction."""

    tenant_id = UnicodeAttribute()
    event_id = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    actor = UnicodeAttribute()  # "contact:<id>", "admin:<sub>", "system:<name>", or "anonymous"
    action = UnicodeAttribute()  # e.g. "sign_in.link_requested"
    target = UnicodeAttribute()  # e.g. "contact:<id>"
    client_ip = UnicodeAttribute(null=True)
    user_agent = UnicodeAttribute(null=True)
    details = MapAttribute[str, Any](null=True)

    @classmethod
    def build(cls, tenant_id: str, event_id: str, at: datetime, actor: str, **fields: Any) -> AuditEvent:
        order = f"{at.isoformat()}#{event_id}"
        return cls(
            tenant_key(tenant_id, "AUDIT"),
            order,
            tenant_id=tenant_id,
            event_id=event_id,
            at=at,
            actor=actor,
            GSI1PK=tenant_key(tenant_id, "AUDIT", "ACTOR", actor),
            GSI1SK=order,
            **fields,
        )

    @classmethod
    def partition_of(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "AUDIT")

    @classmethod
    def actor_partition(cls, tenant_id: str, actor: str) -> str:
        return tenant_key(tenant_id, "AUDIT", "ACTOR", actor)


class OutboxMail(PortsideItem, discriminator="OutboxMail"):
    """A mail to send, written in the same transaction as the change that causes it.

    While pending it sits in GSI1's pending list, sorted by when it is next due; the stream
    worker makes the first attempt at once, the sweeper every later one. Sent, it leaves the
    list; parked after ``mail_max_attempts``, it moves to the failed list admins see.
    """

    tenant_id = UnicodeAttribute()
    mail_id = UnicodeAttribute()
    to = ListAttribute[str](of=UnicodeAttribute)  # type: ignore[arg-type]
    template = UnicodeAttribute()
    context_json = UnicodeAttribute()
    # Context keys that hold secrets (a link's token, a code): removed as soon as the mail is sent or parked.
    secret_keys = ListAttribute[str](of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    about = UnicodeAttribute(null=True)  # the record it is about: "deal:<id>", "question:<id>", "contact:<id>"
    status = UnicodeAttribute(default="pending")  # pending | sent | failed (parked) | retried (replaced by a copy)
    attempts = NumberAttribute(default=0)
    last_error = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    sent_at = UTCDateTimeAttribute(null=True)

    @classmethod
    def keys_for(cls, tenant_id: str, mail_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "OUTBOX", mail_id), "OUTBOX"

    @classmethod
    def pending_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "OUTBOX", "PENDING")

    @classmethod
    def parked_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "OUTBOX", "FAILED")

    @staticmethod
    def due_order(due: datetime, mail_id: str) -> str:
        return f"{due.isoformat()}#{mail_id}"

    @classmethod
    def build(cls, tenant_id: str, mail_id: str, created_at: datetime, due: datetime, **fields: Any) -> OutboxMail:
        pk, sk = cls.keys_for(tenant_id, mail_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            mail_id=mail_id,
            created_at=created_at,
            GSI1PK=cls.pending_partition(tenant_id),
            GSI1SK=cls.due_order(due, mail_id),
            **fields,
        )

    def parked_index_keys(self) -> tuple[str, str]:
        return self.parked_partition(self.tenant_id), f"{self.created_at.isoformat()}#{self.mail_id}"
