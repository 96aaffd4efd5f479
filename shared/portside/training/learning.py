"""Training, as partner contacts see it: the modules for their role, each with where they stand.

Partner pages are built from the views here: a quiz reaches the browser as questions and
options only, never which options are right. Two round trips with the session check: the
modules (one Query) and the contact's standing in each (one Query of their own partition).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from portside import clock
from portside.auth.principal import PartnerPrincipal
from portside.data.base import PortsideItem
from portside.data.models.tenants import Tenant
from portside.errors import NotFound
from portside.training.authoring import listed_modules
from portside.training.models import ShownQuestion, TrainingModule, TrainingStatus

EXPIRES_SOON = timedelta(days=30)
STATUS_LABELS = {
    "not_started": "Not started",
    "certified": "Certified",
    "expires_soon": "Expires soon",
    "expired": "Expired",
    "not_passed": "Not passed — retake",
}


@dataclass(frozen=True)
class Standing:
    """Where a contact stands in a module, in the words the pages use."""

    status: str
    label: str
    expires_at: datetime | None
    last_score: int | None
    wrong: tuple[int, ...]  # the question numbers the last attempt got wrong
    attempts: int
    has_certificate: bool

    @classmethod
    def of(cls, status: TrainingStatus | None, now: datetime) -> Standing:
        if status is None:
            return cls("not_started", STATUS_LABELS["not_started"], None, None, (), 0, False)
        expires = status.cert_expires_at
        if status.cert_code and (expires is None or expires > now):
            key = "expires_soon" if expires is not None and expires - now <= EXPIRES_SOON else "certified"
        elif status.cert_code:
            key = "expired"
        else:
            key = "not_passed" if status.last_passed == "no" else "not_started"
        wrong = tuple(int(n) for n in (status.last_wrong or []))
        score = None if status.last_score is None else int(status.last_score)
        return cls(key, STATUS_LABELS[key], expires, score, wrong, int(status.attempts), bool(status.cert_code))

    @property
    def current(self) -> bool:
        return self.status in ("certified", "expires_soon")


@dataclass(frozen=True)
class ModuleView:
    module_id: str
    title: str
    description: str
    threshold: int
    valid_days: int | None
    question_count: int
    standing: Standing


@dataclass(frozen=True)
class QuestionView:
    number: int
    text: str
    options: tuple[str, ...]
    several: bool  # more than one option is right: checkboxes ("choose all that apply")


@dataclass(frozen=True)
class QuizView:
    module: ModuleView
    version: int
    questions: tuple[QuestionView, ...]


def _view(module: TrainingModule, status: TrainingStatus | None, now: datetime) -> ModuleView:
    return ModuleView(
        module.module_id,
        module.title,
        module.description,
        int(module.threshold),
        int(module.valid_days) if module.valid_days else None,
        int(module.question_count),
        Standing.of(status, now),
    )


def standings_of(tenant: Tenant, contact_id: str) -> dict[str, TrainingStatus]:
    """The contact's standing in every module they have tried: one Query of their own partition."""
    partition = TrainingStatus.keys_for(tenant.tenant_id, contact_id, "")[0]
    found = TrainingStatus.query(partition, TrainingStatus.SK.startswith("TRAINING#"))
    return {status.module_id: status for status in found if isinstance(status, TrainingStatus)}


def modules_for(tenant: Tenant, principal: PartnerPrincipal) -> list[ModuleView]:
    """The published modules for the contact's role (kept a minute per process), with where they stand in each (one
    Query of the contact's standings)."""
    now = clock.now()
    standings = standings_of(tenant, principal.contact_id)
    return [
        _view(module, standings.get(module.module_id), now)
        for module in listed_modules(tenant)
        if module.state == "published" and module.for_role(principal.role)
    ]


def module_for(
    tenant: Tenant, principal: PartnerPrincipal, module_id: str
) -> tuple[TrainingModule, TrainingStatus | None]:
    """A published module for the contact's role and their standing in it (one BatchGet); anything else is not found."""
    keys = [
        TrainingModule.keys_for(tenant.tenant_id, module_id[:64]),
        TrainingStatus.keys_for(tenant.tenant_id, principal.contact_id, module_id[:64]),
    ]
    found = list(PortsideItem.batch_get(keys))
    module = next((item for item in found if isinstance(item, TrainingModule)), None)
    status = next((item for item in found if isinstance(item, TrainingStatus)), None)
    if module is None or module.state != "published" or not module.for_role(principal.role):
        raise NotFound(f"training module {module_id}")
    return module, status


def quiz_view(module: TrainingModule, status: TrainingStatus | None, shown: list[ShownQuestion]) -> QuizView:
    """The module's current quiz as the page shows it: questions and options, and nothing of which are right."""
    questions = tuple(
        QuestionView(number, str(question.text), tuple(question.options), bool(question.several))
        for number, question in enumerate(shown, start=1)
    )
    return QuizView(_view(module, status, clock.now()), int(module.quiz_version), questions)
