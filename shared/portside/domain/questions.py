"""Partner questions, as partners see them: ask, list, show.

- A question is keyed by the form it came from (``submission_id``), so posting the same form
  twice asks once.
- The related deal, when given, must be one of the asker's partner's deals the asker may see:
  any other id is refused as bad input, and the page never says whose it was.
- The question, its audit record and the mail to the tenant's ops admins are one transaction.
- Partners receive a ``QuestionView``: it leaves out which admin answered.
"""

from __future__ import annotations

import uuid
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.changes import Changes
from portside.data.models.deals import Deal
from portside.data.models.questions import Question
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.domain.deals import deal_for, deals_for
from portside.domain.submissions import commit_once, mail_ops, submission_item_id
from portside.errors import InvalidInput, NotFound

PAGE_SIZE = 20
DEAL_CHOICES = 50  # the newest deals offered as "related deal"
_SUBMISSIONS = uuid.UUID("0b7f3f0e-2f4c-4f1e-8d53-8e4a3c7d2b61")  # namespace of submission-derived question ids


@dataclass(frozen=True)
class QuestionInput:
    subject: str
    body: str
    deal_id: str | None


@dataclass(frozen=True)
class QuestionView:
    """What a partner may see of a question."""

    question_id: str
    subject: str
    body: str
    asker_name: str
    created_at: datetime
    deal_id: str | None
    deal_title: str | None
    answered: bool
    answer: str | None
    answered_at: datetime | None
    answer_changed_at: datetime | None  # set only when the answer was changed after it was first given


def partner_view(question: Question, show_deal: bool = True) -> QuestionView:
    changed = question.answer_changed_at
    return QuestionView(
        question_id=question.question_id,
        subject=question.subject,
        body=question.body,
        asker_name=question.asker_name,
        created_at=question.created_at,
        deal_id=question.deal_id if show_deal else None,
        deal_title=question.deal_title if show_deal else None,
        answered=question.state == "answered",
        answer=question.answer,
        answered_at=question.answered_at,
        answer_changed_at=changed if changed and changed != question.answered_at else None,
    )


def deal_choices(tenant: Tenant, principal: PartnerPrincipal, chosen: str | None = None) -> list[Deal]:
    """The partner's newest deals the asker may see, and the chosen one when it is older (linked from its page)."""
    deals = deals_for(tenant, principal, None, limit=DEAL_CHOICES).items
    if chosen and all(deal.deal_id != chosen for deal in deals):
        with suppress(NotFound):  # not the asker's to name: not offered, and asking with it is refused
            deals.append(deal_for(tenant, principal, chosen))
    return deals


def _related_deal(tenant: Tenant, principal: PartnerPrincipal, deal_id: str | None) -> Deal | None:
    if deal_id is None:
        return None
    try:
        return deal_for(tenant, principal, deal_id)
    except NotFound as missing:
        raise InvalidInput({"deal_id": "Choose one of your deals from the list, or none."}) from missing


def ask_question(
    tenant: Tenant, principal: PartnerPrincipal, submission_id: str, details: QuestionInput, client: Client
) -> Question:
    """The new question, or the one this very form already asked."""
    question_id = submission_item_id(_SUBMISSIONS, tenant.tenant_id, principal.contact_id, submission_id)
    keys = Question.keys_for(tenant.tenant_id, question_id)
    existing = reads.get_or_none(Question, keys, consistent=True)
    if existing is not None:
        return existing
    deal = _related_deal(tenant, principal, details.deal_id)
    question = Question.build(
        tenant.tenant_id,
        question_id,
        principal.partner_id,
        clock.now(),
        asker_id=principal.contact_id,
        asker_name=principal.name,
        subject=details.subject,
        body=details.body,
        deal_id=deal.deal_id if deal else None,
        deal_title=deal.title if deal else None,
    )
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            principal.actor,
            "question.asked",
            f"question:{question_id}",
            client,
            partner=principal.partner_id,
            deal=question.deal_id or "",
        )
    )
    changes.put(question, label="question", condition=Question.PK.does_not_exist())
    mail_ops(
        changes,
        tenant,
        "question_asked",
        f"question:{question_id}",
        title=details.subject,
        body=details.body,
        asker=principal.name,
        answer_url=f"{tenant.base_url.rstrip('/')}/admin/partners/questions/{question_id}",
    )
    return commit_once(changes, "question", lambda: reads.get_or_none(Question, keys, consistent=True)) or question


def questions_for(tenant: Tenant, principal: PartnerPrincipal, cursor: str | None) -> Page[Question]:
    """Every question of the principal's partner, newest first: questions are shared across its contacts."""
    return query_page(
        Question,
        Question.partner_partition(tenant.tenant_id, principal.partner_id),
        index="GSI1",
        limit=PAGE_SIZE,
        cursor=cursor,
        newest_first=True,
    )


def question_for(tenant: Tenant, principal: PartnerPrincipal, question_id: str) -> Question:
    """One question of the principal's partner; anyone else's is "not found", never "forbidden"."""
    keys = Question.keys_for(tenant.tenant_id, question_id[:64])
    question = reads.get_or_none(Question, keys, consistent=True)  # just asked, or just answered
    if question is None or question.partner_id != principal.partner_id:
        raise NotFound(f"question {question_id}")
    return question
