"""Partner questions, as partners see them: list and show (asking is ``question_submissions``).

- Partners receive a ``QuestionView``: it leaves out which admin answered.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime

from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.deals.following import deal_for, deals_for
from portside.deals.models import Deal
from portside.errors import NotFound
from portside.questions.models import Question

PAGE_SIZE = 20
DEAL_CHOICES = 50  # the newest deals offered as "related deal"


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
