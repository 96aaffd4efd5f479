"""The audit log in names: who ``contact:acme-principal`` is, what ``deal:9f…`` was, and the actions by name.

An event stores ids (names change; ids do not). A page of the log resolves the ids it shows in one
BatchGet (contacts, partners, deals, questions, document spaces, documents,
pricing requests, training modules), so it reads as names; text filters match
part of a name or of an id. ``ACTIONS`` names every action the portal records, gathered from each
feature's ``audit_actions``: a test walks the code for ``audit_event`` calls and fails on one missing.
"""

from __future__ import annotations

from typing import Any

from portside.access_review import audit_actions as access_review_actions
from portside.admin_sign_in import audit_actions as admin_sign_in_actions
from portside.admins import audit_actions as admins_actions
from portside.approvals import audit_actions as approvals_actions
from portside.approvals.models import PricingRequest
from portside.audit_log import audit_actions as audit_log_actions
from portside.data.base import PortsideItem
from portside.data.models.admins import AdminMember
from portside.data.models.contacts import Contact
from portside.data.models.tenants import Partner, Tenant
from portside.deals import audit_actions as deals_actions
from portside.deals.models import Deal
from portside.delivery import audit_actions as delivery_actions
from portside.documents import audit_actions as documents_actions
from portside.documents.models import Document, DocumentSpace
from portside.engagement import audit_actions as engagement_actions
from portside.imports import audit_actions as imports_actions
from portside.partners import audit_actions as partners_actions
from portside.questions import audit_actions as questions_actions
from portside.questions.models import Question
from portside.settings import audit_actions as settings_actions
from portside.sign_in import audit_actions as sign_in_actions
from portside.training import audit_actions as training_actions
from portside.training.models import TrainingModule

# What the shared layers record: refusals (``auth.security_events``), signing out (``auth.sign_out``) and a
# tenant set up (``web.tenants``).
_LAYERS: dict[str, str] = {
    "admin.signed_out": "Admin signed out",
    "security.csrf_refused": "Refused: form from another site or expired",
    "security.dead_link": "Refused: spent or dead sign-in link",
    "security.denied": "Refused: the role may not",
    "security.rate_limited": "Refused: too many attempts",
    "sign_in.signed_out": "Signed out",
    "tenant.created": "Tenant created",
}
# Every feature's actions, gathered from its own ``audit_actions``.
FEATURE_LISTS = (
    access_review_actions.ACTIONS,
    admin_sign_in_actions.ACTIONS,
    admins_actions.ACTIONS,
    approvals_actions.ACTIONS,
    audit_log_actions.ACTIONS,
    deals_actions.ACTIONS,
    delivery_actions.ACTIONS,
    documents_actions.ACTIONS,
    engagement_actions.ACTIONS,
    imports_actions.ACTIONS,
    partners_actions.ACTIONS,
    questions_actions.ACTIONS,
    settings_actions.ACTIONS,
    sign_in_actions.ACTIONS,
    training_actions.ACTIONS,
)
ACTIONS: dict[str, str] = dict(sorted(item for own in (_LAYERS, *FEATURE_LISTS) for item in own.items()))
# Groups an auditor can pick: every action starting with the key.
ACTION_GROUPS: dict[str, str] = {
    "security.": "Every refusal (security)",
    "sign_in.": "Every partner sign-in step",
    "admin.": "Every admin sign-in step",
    "contact.": "Every change to contacts",
    "deal.": "Every deal event",
    "document.": "Every document event (uploads, downloads, archiving)",
    "pricing_request.": "Every pricing and credit request event",
    "training.": "Every training event (modules, quizzes)",
}
_MODELS: dict[str, type[PortsideItem]] = {
    "contact": Contact,
    "partner": Partner,
    "deal": Deal,
    "question": Question,
    "document_space": DocumentSpace,
    "document": Document,
    "pricing_request": PricingRequest,
    "module": TrainingModule,
}
_LABELS = {
    "contact": "contact",
    "partner": "partner",
    "deal": "deal",
    "question": "question",
    "admin": "admin",
    "document_space": "document space",
    "document": "document",
    "pricing_request": "pricing request",
    "module": "training module",
}


def _name_of(item: Any) -> str:
    if isinstance(item, Contact | Partner | DocumentSpace):
        return str(item.name)
    if isinstance(item, Deal | Document | TrainingModule):
        return str(item.title)
    if isinstance(item, Question):
        return str(item.subject)
    if isinstance(item, PricingRequest):
        return f"{item.kind.replace('_', ' ')}{' of ' + item.sku if item.sku else ''} ({item.requester_name})"
    return ""


def names_for(tenant: Tenant, refs: set[str]) -> dict[str, str]:
    """``{"contact:acme-principal": "Ann Principal (contact)", …}`` for the refs that name something."""
    keys: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    for ref in refs:
        kind, _, ref_id = ref.partition(":")
        model = _MODELS.get(kind)
        if model is not None and ref_id:
            keys[model.keys_for(tenant.tenant_id, ref_id[:64])] = ref  # type: ignore[attr-defined]
        elif kind == "admin" and ref_id:
            names[ref] = f"{ref_id} (admin)"
        elif ref == "anonymous":
            names[ref] = "Anonymous"
        elif kind == "system":
            names[ref] = f"{ref_id.replace('-', ' ').capitalize()} (automatic)"
    found = list(keys)
    for start in range(0, len(found), 100):  # BatchGet takes 100 keys at a time
        for item in PortsideItem.batch_get(found[start : start + 100]):
            named = keys.get((item.PK, item.SK))
            if named and _name_of(item):
                names[named] = f"{_name_of(item)} ({_LABELS[named.partition(':')[0]]})"
    return names


def actor_choices(tenant: Tenant) -> list[tuple[str, str]]:
    """The actors an auditor picks from: every admin, anyone anonymous, the automatic jobs."""
    admins = AdminMember.gsi1.query(AdminMember.list_partition(tenant.tenant_id))
    choices = [(f"admin:{m.email}", f"{m.email} (admin)") for m in admins if isinstance(m, AdminMember)]
    return [*choices, ("anonymous", "Anonymous"), ("system:deal-protection", "Deal protection (automatic)")]
