"""What the training tests share: a module authored through the console, published, and a quiz taken."""

from __future__ import annotations

from infra.local.seed import TENANT_ID
from portside.training.models import TrainingModule, TrainingStatus
from tests.functional.portal import Answer, Portal

OPS = "ops@northwind.example"
# Two questions: the first has one right option (the second), the second two (the first and third).
MODULE = {
    "title": "Router basics",
    "description": "How our routers work.\n\nRead https://docs.example/routers first.",
    "audience": "all",
    "threshold": "80",
    "valid_days": "365",
    "question_1": "Which port is the uplink?",
    "options_1": "Port 1\n*Port 8\nPort 4",
    "question_2": "Which are routing protocols?",
    "options_2": "*OSPF\nHTTP\n*BGP",
}
RIGHT = {"q1": ["1"], "q2": ["0", "2"]}
WRONG_SECOND = {"q1": ["1"], "q2": ["0"]}


def author(portal: Portal, publish: bool = True, **changes: str) -> str:
    """A module written by ops (and published); its id. Leaves ops signed in."""
    portal.jar.clear()
    portal.admin_sign_in(OPS)
    created = portal.admin_post("/admin/training", {**MODULE, **changes})
    assert created.status == 303 and created.location.endswith("?notice=created"), created.body[:3000]
    module_id = created.location.split("?")[0].rsplit("/", 1)[-1]
    if publish:
        moved = portal.admin_post(
            f"/admin/training/{module_id}/state", {"state": "published", "version": version_of(module_id)}
        )
        assert moved.location.endswith("notice=published"), moved.body[:2000]
    return module_id


def version_of(module_id: str) -> str:
    return str(TrainingModule.get(*TrainingModule.keys_for(TENANT_ID, module_id), consistent_read=True).version)


def take(portal: Portal, module_id: str, answers: dict[str, list[str]], quiz_version: str | None = None) -> Answer:
    """Answer the quiz as the signed-in contact's browser does."""
    page = portal.get(f"/partners/training/{module_id}")
    assert page.status == 200, page.body[:2000]
    form = {"csrf_token": page.field("csrf_token"), "quiz_version": quiz_version or page.field("quiz_version")}
    return portal.post(f"/partners/training/{module_id}", {**form, **answers})  # type: ignore[dict-item]


def standing(contact_id: str, module_id: str) -> TrainingStatus:
    return TrainingStatus.get(*TrainingStatus.keys_for(TENANT_ID, contact_id, module_id), consistent_read=True)
