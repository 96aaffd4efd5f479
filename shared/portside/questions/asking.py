"""Asking a question: one per form, about one of the partner's own deals at most, ops mailed in the same transaction.

- A question is keyed by the form it came from (``submission_id``), so posting the same form
  twice asks once.
- The related deal, when given, must be one of the asker's partner's deals the asker may see:
  any other id is refused as bad input, and the page never says whose it was.
- The question, its audit record and the mail to the tenant's ops admins are one transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.changes import Changes
from portside.data.models.tenants import Tenant
from portside.deals.following import deal_for
from portside.deals.models import Deal
from portside.errors import InvalidInput, NotFound
from portside.questions.models import Question
from portside.web.submissions import commit_once, mail_admins, submission_item_id

_SUBMISSIONS = uuid.UUID("0b7f3f0e-2f4c-4f1e-8d53-8e4a3c7d2b61")  # namespace of submission-derived question ids


@dataclass(frozen=True)
class QuestionInput:
    subject: str
    body: str
    deal_id: str | None


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
    mail_admins(
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
