"""Grading a quiz on the server: every attempt recorded, a pass writing a certificate, five tries a day.

- The score is the questions answered exactly right (every right option chosen, no other) over
  the questions; a pass is a score at or above the module's threshold.
- An answer to another version of the quiz than the one partners take now is refused, not graded.
- The attempt, the contact's standing, the rate counter (5 attempts a day per contact and module),
  the audit record and, for a pass, the certificate and the module's count of holders are one
  transaction: a refused attempt writes nothing, and two tabs submitting at once record both.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from portside import clock
from portside.audit import Client, audit_event
from portside.auth import rate_limits
from portside.auth.principal import PartnerPrincipal
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.errors import Conflict
from portside.training.authoring import quiz_of
from portside.training.learning import module_for
from portside.training.models import (
    Certificate,
    ModuleHolders,
    QuizAttempt,
    QuizVersion,
    TrainingModule,
    TrainingStatus,
)
from portside.web.tenants import cached_partner

ATTEMPTS_PER_DAY = 5
DAY = 86_400
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed without doubt
GRADE_TRIES = 3  # a standing written by another tab between the read and the write: read again


class OlderQuiz(Conflict):
    public_message = (
        "This quiz was changed after you opened it, so your answers were not graded. The current questions are below."
    )


@dataclass(frozen=True)
class Graded:
    score: int  # percent
    passed: bool
    wrong: tuple[int, ...]  # question numbers
    certificate_code: str | None


def grade(quiz: QuizVersion, answers: dict[int, set[int]]) -> tuple[int, tuple[int, ...]]:
    """The score in whole percent (rounded down) and the numbers of the questions answered wrong."""
    wrong = tuple(
        number
        for number, question in enumerate(quiz.questions, start=1)
        if answers.get(number, set()) != {int(index) for index in question.correct}
    )
    total = len(quiz.questions)
    return ((total - len(wrong)) * 100 // total if total else 0), wrong


def certificate_code() -> str:
    """``ABCD-EFGH-JKLM``: 60 random bits, unguessable, easy to read out."""
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(letters[index : index + 4] for index in range(0, 12, 4))


def take_quiz(
    tenant: Tenant,
    principal: PartnerPrincipal,
    module_id: str,
    quiz_version: int,
    answers: dict[int, set[int]],
    client: Client,
) -> Graded:
    for _ in range(GRADE_TRIES):
        module, status = module_for(tenant, principal, module_id)
        if quiz_version != int(module.quiz_version):
            raise OlderQuiz(f"module {module_id} is at quiz {module.quiz_version}, the answers for {quiz_version}")
        quiz = quiz_of(module)
        score, wrong = grade(quiz, answers)
        passed = score >= int(module.threshold)
        code = certificate_code() if passed else None
        changes = _attempt(tenant, principal, module, status, quiz, answers, score, wrong, code, client)
        try:
            changes.commit()
        except ConditionFailed as failed:
            rate_limits.raise_if_limited(
                failed,
                f"You have used today's {ATTEMPTS_PER_DAY} attempts at this quiz. Try again tomorrow.",
                retry_after_seconds=DAY,
            )
            if "status" in failed.labels:
                continue
            raise
        return Graded(score, passed, wrong, code)
    raise Conflict(f"the standing of {principal.contact_id} in {module_id} kept changing")


def _attempt(
    tenant: Tenant,
    principal: PartnerPrincipal,
    module: TrainingModule,
    status: TrainingStatus | None,
    quiz: QuizVersion,
    answers: dict[int, set[int]],
    score: int,
    wrong: tuple[int, ...],
    code: str | None,
    client: Client,
) -> Changes:
    now = clock.now()
    outcome = "passed" if code else "failed"
    chosen = json.dumps({str(n): sorted(options) for n, options in answers.items()})
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            principal.actor,
            f"training.{outcome}",
            f"module:{module.module_id}",
            client,
            score=str(score),
            quiz_version=str(quiz.number),
        )
    )
    limit = rate_limits.Limit("quiz", f"{principal.contact_id}:{module.module_id}", ATTEMPTS_PER_DAY, DAY)
    rate_limits.count(changes, tenant.tenant_id, limit)
    changes.put(
        QuizAttempt(
            *QuizAttempt.keys_for(tenant.tenant_id, principal.contact_id, module.module_id, now, uuid.uuid4().hex),
            tenant_id=tenant.tenant_id,
            contact_id=principal.contact_id,
            module_id=module.module_id,
            quiz_version=int(quiz.number),
            answers_json=chosen,
            score=score,
            passed="yes" if code else "no",
            at=now,
        ),
        label="attempt",
    )
    standing = status or TrainingStatus.build(
        tenant.tenant_id, principal.contact_id, principal.partner_id, module.module_id
    )
    standing.attempts = int(standing.attempts or 0) + 1
    standing.last_attempt_at, standing.last_score, standing.last_wrong = now, score, list(wrong)
    standing.last_passed = "yes" if code else "no"
    standing.last_answers_json, standing.last_quiz_version = chosen, int(quiz.number)
    if code:
        counted = bool(status and status.cert_code and not status.cert_expired_marked)
        _certify(changes, tenant, principal, module, standing, quiz, score, code, counted)
    # A new standing must not exist yet; an existing one is version-checked (another tab's attempt: read again).
    changes.put(standing, label="status", condition=TrainingStatus.PK.does_not_exist() if status is None else None)
    return changes


def _certify(
    changes: Changes,
    tenant: Tenant,
    principal: PartnerPrincipal,
    module: TrainingModule,
    standing: TrainingStatus,
    quiz: QuizVersion,
    score: int,
    code: str,
    counted: bool,
) -> None:
    """The certificate, on the standing and as its own item (``/verify``), and one more holder if it is one."""
    now = clock.now()
    expires = now + timedelta(days=int(module.valid_days)) if module.valid_days else None
    standing.cert_code, standing.cert_version, standing.cert_score = code, int(quiz.number), score
    standing.cert_issued_at, standing.cert_expires_at = now, expires
    standing.cert_expired_marked = standing.reminded_30_at = standing.reminded_7_at = standing.nudged_at = None
    standing.GSI2PK = TrainingStatus.expiry_partition(tenant.tenant_id)
    standing.GSI2SK = TrainingStatus.expiry_order(expires, principal.contact_id, module.module_id)
    partner = cached_partner(tenant, principal.partner_id)
    partner_name = partner.name if partner is not None else principal.partner_id
    standing.cert_contact_name, standing.cert_partner_name = principal.name, partner_name
    standing.cert_module_title = module.title
    fields: dict[str, Any] = {
        "tenant_id": tenant.tenant_id,
        "code": code,
        "contact_id": principal.contact_id,
        "contact_name": principal.name,
        "partner_id": principal.partner_id,
        "partner_name": partner_name,
        "module_id": module.module_id,
        "module_title": module.title,
        "quiz_version": int(quiz.number),
        "score": score,
        "issued_at": now,
        "expires_at": expires,
    }
    changes.put(
        Certificate(*Certificate.keys_for(tenant.tenant_id, code), **fields),
        label="certificate",
        condition=Certificate.PK.does_not_exist(),
    )
    if not counted:
        changes.update_key(
            ModuleHolders,
            ModuleHolders.keys_for(tenant.tenant_id, module.module_id),
            [ModuleHolders.holders.add(1), ModuleHolders.item_type.set(ModuleHolders)],
            label="count",
        )
