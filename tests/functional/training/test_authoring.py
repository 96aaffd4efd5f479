"""Training, the console side: modules written, checked, published, versioned, retired; who may."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.seed import TENANT_ID
from portside.data.models.records import AuditEvent
from portside.training.models import QuizVersion, TrainingModule
from tests.functional.portal import Portal
from tests.functional.training.helpers import MODULE, OPS, RIGHT, author, standing, take, version_of


@pytest.fixture(autouse=True)
def admins(admin_pool: dict[str, Any]) -> None:
    """The console's admins exist for every test here."""


def module(module_id: str) -> TrainingModule:
    return TrainingModule.get(*TrainingModule.keys_for(TENANT_ID, module_id), consistent_read=True)


def quiz(module_id: str, number: int) -> QuizVersion:
    return QuizVersion.get(*QuizVersion.keys_for(TENANT_ID, module_id, number), consistent_read=True)


def edit(portal: Portal, module_id: str, **changes: str) -> Any:
    return portal.admin_post(f"/admin/training/{module_id}", {**MODULE, "version": version_of(module_id), **changes})


def test_ops_writes_a_draft_that_partners_do_not_see_until_published(portal: Portal) -> None:
    module_id = author(portal, publish=False)

    saved = module(module_id)
    assert (saved.state, saved.quiz_version, saved.question_count, saved.audience) == ("draft", 1, 2, "all")
    assert [int(i) for i in quiz(module_id, 1).questions[1].correct] == [0, 2]
    listed = portal.get("/admin/training").body
    assert "Router basics" in listed and "Draft" in listed
    page = portal.get(f"/admin/training/{module_id}").body
    assert "*Port 8" in page and ">Publish<" in page
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    assert "Router basics" not in portal.get("/partners/training").body


@pytest.mark.parametrize(
    ("changes", "field", "said"),
    [
        ({"options_1": "Port 1\nPort 8"}, "question_1", "mark each right option with *"),
        ({"options_2": "*OSPF"}, "question_2", "give 2 to 6 options"),
        ({"options_2": "\n".join(f"*{n}" for n in range(7))}, "question_2", "give 2 to 6 options"),
        ({"question_1": ""}, "question_1", "type the question on one line"),
        ({"threshold": "0"}, "threshold", "from 1 to 100"),
        ({"valid_days": "-3"}, "valid_days", "from 1 to 3650"),
        ({"audience": "owner"}, "audience", "Choose who"),
        ({"title": ""}, "title", "Enter a title"),
    ],
)
def test_a_module_is_checked_field_by_field(portal: Portal, changes: dict[str, str], field: str, said: str) -> None:
    portal.admin_sign_in(OPS)

    shown = portal.admin_post("/admin/training", {**MODULE, **changes})

    assert shown.status == 400 and said in shown.body and f'href="#{field}"' in shown.body
    assert not [m for m in TrainingModule.scan() if isinstance(m, TrainingModule)]  # test-only scan


def test_a_draft_without_questions_cannot_be_published(portal: Portal) -> None:
    module_id = author(portal, publish=False, question_1="", options_1="", question_2="", options_2="")

    refused = portal.admin_post(
        f"/admin/training/{module_id}/state", {"state": "published", "version": version_of(module_id)}
    )

    assert refused.status == 400 and "Add at least one question" in refused.body and module(module_id).state == "draft"


def test_editing_a_drafts_quiz_keeps_its_one_version(portal: Portal) -> None:
    module_id = author(portal, publish=False)

    assert edit(portal, module_id, options_1="*Port 1\nPort 8").location.endswith("notice=saved")

    assert module(module_id).quiz_version == 1 and [int(i) for i in quiz(module_id, 1).questions[0].correct] == [0]


def test_editing_a_published_quiz_publishes_a_new_version_and_certificates_keep_theirs(portal: Portal) -> None:
    module_id = author(portal)
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    take(portal, module_id, RIGHT)
    portal.jar.clear()
    portal.admin_sign_in(OPS)

    saved = edit(portal, module_id, options_1="*Port 1\nPort 8")
    retitled = edit(portal, module_id, title="Router basics 2027", options_1="*Port 1\nPort 8")
    shown = module(module_id).quiz_shown or []

    assert saved.location.endswith("notice=new_quiz_version") and retitled.location.endswith("notice=saved")
    assert module(module_id).quiz_version == 2 and module(module_id).title == "Router basics 2027"
    assert [int(i) for i in quiz(module_id, 1).questions[0].correct] == [1]  # version 1 as it was
    assert standing("acme-technical", module_id).cert_version == 1
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    page = portal.get(f"/partners/training/{module_id}").body
    assert 'name="quiz_version" value="2"' in page and "Port 4" not in page, "partners see the new version"
    assert [(q.options, q.several) for q in shown] == [(["Port 1", "Port 8"], False), (["OSPF", "HTTP", "BGP"], True)]
    assert take(portal, module_id, RIGHT, quiz_version="1").status == 409


def test_two_admins_editing_at_once_cannot_overwrite_each_other(portal: Portal) -> None:
    module_id = author(portal)
    stale = version_of(module_id)
    edit(portal, module_id, title="First")

    late = portal.admin_post(f"/admin/training/{module_id}", {**MODULE, "version": stale, "title": "Second"})

    assert late.status == 409 and "saved this module while you edited it" in late.body
    assert module(module_id).title == "First"


def test_retiring_hides_a_module_from_partners_and_audits_each_step(portal: Portal) -> None:
    module_id = author(portal)

    portal.admin_post(f"/admin/training/{module_id}/state", {"state": "retired", "version": version_of(module_id)})

    assert module(module_id).state == "retired"
    actions = [e.action for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID))]
    for action in ("training.module_created", "training.module_published", "training.module_retired"):
        assert actions.count(action) == 1
    portal.jar.clear()
    portal.sign_in("tech@acme.example")
    assert portal.get(f"/partners/training/{module_id}").status == 404


def test_the_list_counts_current_certificate_holders(portal: Portal) -> None:
    module_id = author(portal)
    for email in ("tech@acme.example", "sales@globex.example"):
        portal.jar.clear()
        portal.sign_in(email)
        take(portal, module_id, RIGHT)
        take(portal, module_id, RIGHT)  # a second pass is the same holder
    portal.jar.clear()
    portal.admin_sign_in("auditor@northwind.example")

    listed = portal.get("/admin/training").body

    assert "<td>2</td>" in listed and "New module" not in listed
    read_only = portal.get(f"/admin/training/{module_id}").body
    assert "Read-only" in read_only and 'name="question_1"' not in read_only


def test_finance_reads_training_but_does_not_write_it(portal: Portal) -> None:
    portal.admin_sign_in("finance@northwind.example")

    listed = portal.get("/admin/training")

    assert listed.status == 200 and "New module" not in listed.body
    assert portal.get("/admin/training/new").status == 403
    assert portal.admin_post("/admin/training", MODULE).status == 403
