"""Training: modules and their quiz versions, each contact's standing in a module, attempts, certificates.

A quiz is kept per version: editing a published module's quiz writes the next version, and a
certificate names the version it was passed on. The right answers live only in these items; the
partner pages are built from ``training.learning``'s views, which cannot carry them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)

from portside.data.base import PortsideItem, tenant_key

AUDIENCES = ("all", "principal", "salesperson", "technical")
MODULE_STATES = ("draft", "published", "retired")
NEVER = "9999-12-31"  # the expiry a certificate that never expires sorts by


class QuizQuestion(MapAttribute[str, Any]):
    text = UnicodeAttribute()
    options = ListAttribute[str](of=UnicodeAttribute)  # type: ignore[arg-type]
    correct = ListAttribute[int](of=NumberAttribute)  # type: ignore[arg-type]  # indexes into options


class ShownQuestion(MapAttribute[str, Any]):
    """A question of the module's current quiz as partners see it: never which options are right."""

    text = UnicodeAttribute()
    options = ListAttribute[str](of=UnicodeAttribute)  # type: ignore[arg-type]
    several = BooleanAttribute(default=False)  # more than one option is right

    @classmethod
    def of(cls, question: QuizQuestion) -> ShownQuestion:
        return cls(text=question.text, options=list(question.options), several=len(question.correct) > 1)


class TrainingModule(PortsideItem, discriminator="TrainingModule"):
    """A module: what it teaches, who it is for, what passes, how long a pass lasts. Version-checked edits."""

    tenant_id = UnicodeAttribute()
    module_id = UnicodeAttribute()
    title = UnicodeAttribute()
    description = UnicodeAttribute()
    audience = UnicodeAttribute(default="all")  # all | principal | salesperson | technical
    threshold = NumberAttribute(default=80)  # percent of right answers that passes
    valid_days = NumberAttribute(null=True)  # none: a certificate never expires
    state = UnicodeAttribute(default="draft")  # draft | published | retired
    quiz_version = NumberAttribute(default=1)  # the version partners take now
    # That version as partners see it, so that a module's page reads the module and the contact's standing in one
    # BatchGet; none on a module last saved before it was kept here (its page reads the quiz version then).
    quiz_shown = ListAttribute(of=ShownQuestion, null=True)
    question_count = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    updated_by = UnicodeAttribute()
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, module_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "MODULE", module_id), "MODULE"

    @classmethod
    def list_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "MODULES")

    @staticmethod
    def list_order(title: str, module_id: str) -> str:
        return f"{' '.join(title.casefold().split())}#{module_id}"

    def for_role(self, role: str) -> bool:
        return self.audience in ("all", role)

    @classmethod
    def build(cls, tenant_id: str, module_id: str, title: str, at: datetime, **fields: Any) -> TrainingModule:
        pk, sk = cls.keys_for(tenant_id, module_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            module_id=module_id,
            title=title,
            created_at=at,
            updated_at=at,
            GSI1PK=cls.list_partition(tenant_id),
            GSI1SK=cls.list_order(title, module_id),
            **fields,
        )


class ModuleHolders(PortsideItem, discriminator="ModuleHolders"):
    """How many contacts hold a certificate of a module not yet marked expired (a pass adds, the daily job takes).

    Apart from the module so that counting never bumps the module's version under an admin's open edit.
    """

    holders = NumberAttribute(default=0)

    @classmethod
    def keys_for(cls, tenant_id: str, module_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "MODULE", module_id), "HOLDERS"


class QuizVersion(PortsideItem, discriminator="QuizVersion"):
    """One version of a module's quiz, right answers included: read by grading and authoring only."""

    tenant_id = UnicodeAttribute()
    module_id = UnicodeAttribute()
    number = NumberAttribute()
    questions = ListAttribute(of=QuizQuestion, default=list)
    created_at = UTCDateTimeAttribute()
    created_by = UnicodeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, module_id: str, number: int) -> tuple[str, str]:
        return tenant_key(tenant_id, "MODULE", module_id), f"QUIZ#{number:05d}"


class TrainingStatus(PortsideItem, discriminator="TrainingStatus"):
    """Where one contact stands in one module: the last attempt, and the certificate if they hold one.

    Lives in the contact's partition (a partner page reads all of a contact's in one Query), in the
    tenant's GSI1 list by partner and contact (the report), and, while it holds a certificate not
    yet marked expired, in the tenant's GSI2 list by expiry (the daily job).
    """

    tenant_id = UnicodeAttribute()
    contact_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    module_id = UnicodeAttribute()
    attempts = NumberAttribute(default=0)
    last_attempt_at = UTCDateTimeAttribute(null=True)
    last_score = NumberAttribute(null=True)  # percent
    last_passed = UnicodeAttribute(null=True)  # "yes" | "no"
    last_wrong = ListAttribute[int](of=NumberAttribute, null=True)  # type: ignore[arg-type]  # question numbers
    # The last attempt's choices and the quiz version they answered: a failed quiz is taken again from them.
    last_answers_json = UnicodeAttribute(null=True)
    last_quiz_version = NumberAttribute(null=True)
    cert_code = UnicodeAttribute(null=True)
    cert_version = NumberAttribute(null=True)
    cert_score = NumberAttribute(null=True)
    cert_issued_at = UTCDateTimeAttribute(null=True)
    cert_expires_at = UTCDateTimeAttribute(null=True)  # none: never expires
    # The names the certificate was issued under, so the contact's own certificate page reads the standing
    # alone (none on certificates issued before they were kept here: that page then reads the certificate).
    cert_contact_name = UnicodeAttribute(null=True)
    cert_partner_name = UnicodeAttribute(null=True)
    cert_module_title = UnicodeAttribute(null=True)
    cert_expired_marked = UnicodeAttribute(null=True)  # set by the daily job once the certificate ran out
    reminded_30_at = UTCDateTimeAttribute(null=True)
    reminded_7_at = UTCDateTimeAttribute(null=True)
    nudged_at = UTCDateTimeAttribute(null=True)  # an admin's last nudge to renew
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, contact_id: str, module_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "CONTACT", contact_id), f"TRAINING#{module_id}"

    @classmethod
    def report_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "TRAINING")

    @classmethod
    def expiry_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "CERTIFICATES")

    @staticmethod
    def expiry_order(expires_at: datetime | None, contact_id: str, module_id: str) -> str:
        return f"{expires_at.isoformat() if expires_at else NEVER}#{contact_id}#{module_id}"

    @classmethod
    def build(cls, tenant_id: str, contact_id: str, partner_id: str, module_id: str) -> TrainingStatus:
        pk, sk = cls.keys_for(tenant_id, contact_id, module_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            contact_id=contact_id,
            partner_id=partner_id,
            module_id=module_id,
            GSI1PK=cls.report_partition(tenant_id),
            GSI1SK=f"{partner_id}#{contact_id}#{module_id}",
        )


class QuizAttempt(PortsideItem, discriminator="QuizAttempt"):
    """Every attempt, as answered and graded (kept for the company's own review)."""

    tenant_id = UnicodeAttribute()
    contact_id = UnicodeAttribute()
    module_id = UnicodeAttribute()
    quiz_version = NumberAttribute()
    answers_json = UnicodeAttribute()  # {"1": [0], "2": [1, 3]}: the options chosen per question
    score = NumberAttribute()  # percent
    passed = UnicodeAttribute()  # "yes" | "no"
    at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(
        cls, tenant_id: str, contact_id: str, module_id: str, at: datetime, attempt_id: str
    ) -> tuple[str, str]:
        return tenant_key(tenant_id, "CONTACT", contact_id, "ATTEMPTS", module_id), f"{at.isoformat()}#{attempt_id}"


class Certificate(PortsideItem, discriminator="Certificate"):
    """What ``/verify/<code>`` confirms: who, which module, from when until when. Names as they were."""

    tenant_id = UnicodeAttribute()
    code = UnicodeAttribute()
    contact_id = UnicodeAttribute()
    contact_name = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    partner_name = UnicodeAttribute()
    module_id = UnicodeAttribute()
    module_title = UnicodeAttribute()
    quiz_version = NumberAttribute()
    score = NumberAttribute()
    issued_at = UTCDateTimeAttribute()
    expires_at = UTCDateTimeAttribute(null=True)

    @classmethod
    def keys_for(cls, tenant_id: str, code: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "CERTIFICATE", code), "CERTIFICATE"
