"""Training modules, as ops and owners author them: create, edit, publish, retire.

- A module's quiz is kept per version. While the module is a draft, saving changes its one
  version in place (nobody has taken it). Once published, saving a changed quiz writes the next
  version and partners take that one from then on; certificates keep the version they passed.
- Every change is version-checked (two admins cannot overwrite each other) and audited.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from portside import clock
from portside.audit import Client, audit_event
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.errors import Conflict, InvalidInput, NotFound
from portside.training.models import ModuleHolders, QuizQuestion, QuizVersion, ShownQuestion, TrainingModule
from portside.web.page_cache import PageCache

MODULE_LIMIT = 200  # modules a tenant's list shows
STATE_LABELS = {"draft": "Draft", "published": "Published", "retired": "Retired"}
AUDIENCE_LABELS = {
    "all": "Every role",
    "principal": "Principals",
    "salesperson": "Salespeople",
    "technical": "Technical contacts",
}
# What each state may become, and the words for it.
MOVES = {("draft", "published"): "publish", ("published", "retired"): "retire", ("retired", "published"): "publish"}


@dataclass(frozen=True)
class QuestionInput:
    text: str
    options: tuple[str, ...]
    correct: tuple[int, ...]  # indexes into options


@dataclass(frozen=True)
class ModuleInput:
    title: str
    description: str
    audience: str
    threshold: int
    valid_days: int | None
    questions: tuple[QuestionInput, ...]


class ModuleChanged(Conflict):
    public_message = "Someone saved this module while you edited it. Reload it, and make your change again."


def list_modules(tenant: Tenant) -> list[TrainingModule]:
    """Every module of the tenant by title: one Query."""
    found = TrainingModule.gsi1.query(TrainingModule.list_partition(tenant.tenant_id), limit=MODULE_LIMIT)
    return [module for module in found if isinstance(module, TrainingModule)]


_listed: PageCache[str, list[TrainingModule]] = PageCache()


def listed_modules(tenant: Tenant) -> list[TrainingModule]:
    """``list_modules`` for the partners' list of modules, kept a minute per process (``web.page_cache``): a module
    published or retired shows there within the minute, and its own page and quiz read the module itself."""
    return _listed.get(tenant.tenant_id, lambda: list_modules(tenant))


def published_modules(tenant: Tenant) -> list[TrainingModule]:
    """The modules partners take now (to gate a right by, say)."""
    return [module for module in list_modules(tenant) if module.state == "published"]


def get_module(tenant: Tenant, module_id: str) -> TrainingModule:
    module = reads.get_or_none(
        TrainingModule, TrainingModule.keys_for(tenant.tenant_id, module_id[:64]), consistent=True
    )
    if module is None:
        raise NotFound(f"training module {module_id}")
    return module


def quiz_of(module: TrainingModule, number: int | None = None) -> QuizVersion:
    """The module's quiz, the version partners take now unless ``number`` says another (right answers included)."""
    keys = QuizVersion.keys_for(module.tenant_id, module.module_id, int(number or module.quiz_version))
    quiz = reads.get_or_none(QuizVersion, keys, consistent=True)
    if quiz is None:
        raise NotFound(f"quiz {keys}")
    return quiz


def _questions(details: ModuleInput) -> list[QuizQuestion]:
    return [QuizQuestion(text=q.text, options=list(q.options), correct=list(q.correct)) for q in details.questions]


def _shown(details: ModuleInput) -> list[ShownQuestion]:
    return [ShownQuestion.of(question) for question in _questions(details)]


def _same_quiz(quiz: QuizVersion, details: ModuleInput) -> bool:
    kept = [(q.text, tuple(q.options), tuple(int(i) for i in q.correct)) for q in quiz.questions]
    return kept == [(q.text, q.options, q.correct) for q in details.questions]


def _quiz(tenant_id: str, module_id: str, number: int, details: ModuleInput, actor: str) -> QuizVersion:
    pk, sk = QuizVersion.keys_for(tenant_id, module_id, number)
    return QuizVersion(
        pk,
        sk,
        tenant_id=tenant_id,
        module_id=module_id,
        number=number,
        questions=_questions(details),
        created_at=clock.now(),
        created_by=actor,
    )


def create_module(tenant: Tenant, details: ModuleInput, actor: str, client: Client) -> TrainingModule:
    """A draft module and its quiz's first version."""
    module_id = uuid.uuid4().hex
    module = TrainingModule.build(
        tenant.tenant_id,
        module_id,
        details.title,
        clock.now(),
        description=details.description,
        audience=details.audience,
        threshold=details.threshold,
        valid_days=details.valid_days,
        question_count=len(details.questions),
        quiz_shown=_shown(details),
        updated_by=actor,
    )
    changes = Changes(audit_event(tenant.tenant_id, actor, "training.module_created", f"module:{module_id}", client))
    changes.put(module, label="module", condition=TrainingModule.PK.does_not_exist())
    changes.put(_quiz(tenant.tenant_id, module_id, 1, details, actor), label="quiz")
    changes.commit()
    return module


def update_module(
    tenant: Tenant, module_id: str, version: int, details: ModuleInput, actor: str, client: Client
) -> str:
    """Save an edit; returns "saved", or "new_quiz_version" when a published quiz changed."""
    module = get_module(tenant, module_id)
    if module.version != version:
        raise ModuleChanged(f"module {module_id} is at version {module.version}, the form at {version}")
    quiz_changed = not _same_quiz(quiz_of(module), details)
    number = int(module.quiz_version)
    next_number = number + 1 if quiz_changed and module.state != "draft" else number
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "training.module_updated",
            f"module:{module_id}",
            client,
            quiz_version=str(next_number),
        )
    )
    if quiz_changed:
        quiz = _quiz(tenant.tenant_id, module_id, next_number, details, actor)
        first_of_its_number = QuizVersion.PK.does_not_exist() if next_number != number else None
        changes.put(quiz, label="quiz", condition=first_of_its_number)
    changes.update(
        module,
        [
            TrainingModule.title.set(details.title),
            TrainingModule.GSI1SK.set(TrainingModule.list_order(details.title, module_id)),
            TrainingModule.description.set(details.description),
            TrainingModule.audience.set(details.audience),
            TrainingModule.threshold.set(details.threshold),
            TrainingModule.valid_days.set(details.valid_days)
            if details.valid_days
            else TrainingModule.valid_days.remove(),
            TrainingModule.quiz_version.set(next_number),
            TrainingModule.question_count.set(len(details.questions)),
            TrainingModule.quiz_shown.set(_shown(details)),
            TrainingModule.updated_at.set(clock.now()),
            TrainingModule.updated_by.set(actor),
        ],
        label="module",
    )  # PynamoDB adds the version check
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise ModuleChanged(f"module {module_id} changed meanwhile") from failed
    _listed.forget(tenant.tenant_id)
    return "new_quiz_version" if next_number != number else "saved"


def move_module(tenant: Tenant, module_id: str, version: int, state: str, actor: str, client: Client) -> None:
    """Publish a draft (it needs a question), retire a published module, or publish a retired one again."""
    module = get_module(tenant, module_id)
    move = MOVES.get((module.state, state))
    if move is None:
        raise InvalidInput({"state": f"A {module.state} module cannot be made {state}."})
    if state == "published" and not module.question_count:
        raise InvalidInput({"state": "Add at least one question before publishing."})
    if module.version != version:
        raise ModuleChanged(f"module {module_id} is at version {module.version}, the form at {version}")
    changes = Changes(audit_event(tenant.tenant_id, actor, f"training.module_{state}", f"module:{module_id}", client))
    changes.update(
        module,
        [
            TrainingModule.state.set(state),
            TrainingModule.updated_at.set(clock.now()),
            TrainingModule.updated_by.set(actor),
        ],
        label="module",
    )
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise ModuleChanged(f"module {module_id} changed meanwhile") from failed
    _listed.forget(tenant.tenant_id)


def holders(tenant: Tenant, modules: list[TrainingModule]) -> dict[str, int]:
    """How many contacts hold a certificate of each module (one BatchGet)."""
    keys = [ModuleHolders.keys_for(tenant.tenant_id, module.module_id) for module in modules]
    counted = ModuleHolders.batch_get(keys) if keys else []
    return {item.PK.rsplit("#", 1)[-1]: int(item.holders) for item in counted if isinstance(item, ModuleHolders)}
