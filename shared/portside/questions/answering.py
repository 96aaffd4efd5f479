"""Partner questions, as admins answer them: the queue, one question, the answer.

One question has one answer, which admins may update. Saving is optimistic: the form carries
the version it was read at, and a save from an older version is refused with the answer that
won shown beside the loser's own text, never overwritten silently. The answer, the asker's
dashboard update, the mail to the asker and the audit record are one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from portside import clock
from portside.audit import Client, audit_event
from portside.dashboard.updates import partner_update
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.contacts import Contact
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.errors import Conflict, NotFound
from portside.mail.outbox import outbox_mail
from portside.partners.directory import partner_names
from portside.questions.models import OPEN_PREFIX, Question
from portside.web.tenants import mail_brand

QUEUE_PAGE = 25
PREVIEW_CHARS = 160  # of the answer, on the partner's dashboard


class AnswerChanged(Conflict):
    public_message = (
        "Someone else saved an answer while you were writing yours. Theirs is shown above and your text is "
        "still in the box: compare them, then save again."
    )


@dataclass(frozen=True)
class QueueView:
    questions: list[Question]
    cursor: str | None
    partner_names: dict[str, str]


@dataclass(frozen=True)
class QuestionDetail:
    question: Question
    partner_name: str
    asker: Contact | None  # gone if the contact was since removed


def open_count(tenant: Tenant, limit: int) -> int:
    """How many questions wait for an answer, up to ``limit``: the open ones lead the queue's index."""
    partition = Question.tenant_partition(tenant.tenant_id)
    return reads.count_up_to(partition, Question.GSI2SK.startswith(OPEN_PREFIX), index="GSI2", cap=limit)


def question_queue(tenant: Tenant, cursor: str | None) -> QueueView:
    """Open questions first (the longest waiting at the top), then answered ones, the latest answer first."""
    page: Page[Question] = query_page(
        Question, Question.tenant_partition(tenant.tenant_id), index="GSI2", limit=QUEUE_PAGE, cursor=cursor
    )
    names = partner_names(tenant, {question.partner_id for question in page.items})
    return QueueView(page.items, page.cursor, names)


def recent_questions(tenant: Tenant, partner_id: str, limit: int = 5) -> Page[Question]:
    """A partner's newest questions, for its console page."""
    return query_page(
        Question, Question.partner_partition(tenant.tenant_id, partner_id), index="GSI1", limit=limit, newest_first=True
    )


def get_question(tenant: Tenant, question_id: str) -> Question:
    question = reads.get_or_none(Question, Question.keys_for(tenant.tenant_id, question_id[:64]), consistent=True)
    if question is None:
        raise NotFound(f"question {question_id}")
    return question


def question_detail(tenant: Tenant, question_id: str) -> QuestionDetail:
    question = get_question(tenant, question_id)
    names = partner_names(tenant, {question.partner_id})
    asker = reads.contact(tenant.tenant_id, question.asker_id)
    return QuestionDetail(question, names.get(question.partner_id, question.partner_id), asker)


def answer_question(tenant: Tenant, question_id: str, version: int, answer: str, actor: str, client: Client) -> bool:
    """Save the answer given on a form read at ``version``; tell the partner and mail the asker.

    True when it was the question's first answer, False when it replaced one.
    """
    question = get_question(tenant, question_id)
    if question.version != version:
        raise AnswerChanged(f"question {question_id} is at version {question.version}, the form at {version}")
    now = clock.now()
    first = question.state != "answered"
    actions = [
        Question.state.set("answered"),
        Question.answer.set(answer),
        Question.answered_by.set(actor),
        Question.answer_changed_at.set(now),
        Question.GSI2SK.set(Question.answered_order(now, question_id)),
    ]
    if first:
        actions.append(Question.answered_at.set(now))
    action = "question.answered" if first else "question.answer_updated"
    changes = Changes(
        audit_event(tenant.tenant_id, actor, action, f"question:{question_id}", client, partner=question.partner_id)
    )
    changes.update(question, actions, label="question")  # PynamoDB adds the version condition and bump
    link = f"/partners/questions/{question_id}"
    preview = answer if len(answer) <= PREVIEW_CHARS else answer[: PREVIEW_CHARS - 1].rstrip() + "…"
    changes.put(
        partner_update(
            tenant.tenant_id,
            question.partner_id,
            "questions",
            f"{'Answered' if first else 'Answer updated'}: {question.subject}",
            preview,
            link,
            contact_id=question.asker_id,
        ),
        label="update",
    )
    asker = reads.contact(tenant.tenant_id, question.asker_id)
    if asker is not None and asker.status == "active":
        changes.put(
            outbox_mail(
                tenant.tenant_id,
                asker.email,
                "question_answered",
                about=f"question:{question.question_id}",
                title=question.subject,
                answer=answer,
                updated=not first,
                question_url=f"{tenant.base_url.rstrip('/')}{link}",
                brand=mail_brand(tenant, question.partner_id),
            ),
            label="mail",
        )
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise AnswerChanged(f"question {question_id} changed meanwhile") from failed
    return first
