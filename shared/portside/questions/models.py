"""Partner questions and their one answer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)

from portside.data.base import PortsideItem, tenant_key

OPEN_PREFIX = "0#"  # the queue's index keeps open questions first, before every answered one ("1#")


class Question(PortsideItem, discriminator="Question"):
    """A partner contact's question and its one answer, which admins may update (version-checked)."""

    tenant_id = UnicodeAttribute()
    question_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    asker_id = UnicodeAttribute()  # the contact who asked
    asker_name = UnicodeAttribute()
    subject = UnicodeAttribute()
    body = UnicodeAttribute()
    deal_id = UnicodeAttribute(null=True)  # a deal of the same partner, checked when asked
    deal_title = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    state = UnicodeAttribute(default="open")  # open | answered
    answer = UnicodeAttribute(null=True)
    answered_by = UnicodeAttribute(null=True)  # the admin actor of the current answer
    answered_at = UTCDateTimeAttribute(null=True)  # first answered
    answer_changed_at = UTCDateTimeAttribute(null=True)  # the current answer saved
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, question_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "QUESTION", question_id), "QUESTION"

    @classmethod
    def partner_partition(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "QUESTIONS")

    @classmethod
    def tenant_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "QUESTIONS")

    @staticmethod
    def open_order(created_at: datetime, question_id: str) -> str:
        return f"{OPEN_PREFIX}{created_at.isoformat()}#{question_id}"

    @staticmethod
    def answered_order(answered_at: datetime, question_id: str) -> str:
        """After every open question; the latest answer first (seconds counted down from the year 2286)."""
        return f"1#{10**10 - int(answered_at.timestamp()):010d}#{question_id}"

    @classmethod
    def build(cls, tenant_id: str, question_id: str, partner_id: str, created_at: datetime, **fields: Any) -> Question:
        pk, sk = cls.keys_for(tenant_id, question_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            question_id=question_id,
            partner_id=partner_id,
            created_at=created_at,
            GSI1PK=cls.partner_partition(tenant_id, partner_id),
            GSI1SK=f"{created_at.isoformat()}#{question_id}",
            GSI2PK=cls.tenant_partition(tenant_id),
            GSI2SK=cls.open_order(created_at, question_id),
            **fields,
        )
