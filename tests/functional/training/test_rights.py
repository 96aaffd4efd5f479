"""Rights a certificate opens: a document space and deal registration close the moment it is missing or lapses."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from infra.local import demo_documents, demo_training, seed
from infra.local.seed import TENANT_ID
from portside.documents.models import Document
from tests.functional.deals.test_deals import deals, register
from tests.functional.portal import Portal
from tests.functional.training.helpers import author, take

TECH_ANSWERS = {"q1": ["1"], "q2": ["0", "1"]}  # "Installing Northwind routers", as seeded


@pytest.fixture(autouse=True)
def seeded(portal: Portal, admin_pool: dict[str, Any]) -> None:
    seed.seed_document_spaces()
    demo_documents.seed_documents(TENANT_ID)
    demo_training.seed_training()


def guide_id() -> str:
    found = Document.gsi1.query(Document.space_partition(TENANT_ID, demo_training.TECHNICAL_GUIDES))
    return next(d.document_id for d in found if isinstance(d, Document))


def test_a_space_opens_with_a_current_certificate_and_closes_when_it_lapses(portal: Portal) -> None:
    portal.sign_in("tech@globex.example")  # their routers certificate expired five days ago
    closed = portal.get("/partners/documents").body
    refused = portal.get(f"/partners/documents/{guide_id()}/download")
    assert "needs a current certificate of “Installing Northwind routers”" in closed
    assert 'href="/partners/training/demo-tech-routers"' in closed and "Installation guide" not in closed
    assert refused.status == 403 and "Installing Northwind routers" in refused.body

    assert take(portal, demo_training.TECHNICAL_MODULE, TECH_ANSWERS).location.endswith("result=passed")

    assert "Installation guide" in portal.get("/partners/documents").body
    assert portal.get(f"/partners/documents/{guide_id()}/download").status == 303
    portal.advance_clock(timedelta(days=366))  # past its year: closed at once, before any daily job
    portal.sign_in("tech@globex.example")
    assert "needs a current certificate" in portal.get("/partners/documents").body
    assert portal.get(f"/partners/documents/{guide_id()}/download").status == 403


def test_a_gate_binds_only_the_roles_its_module_is_for(portal: Portal) -> None:
    portal.sign_in("principal@globex.example")  # the technical module is not for principals

    library = portal.get("/partners/documents").body

    assert "Installation guide" in library and "needs a current certificate" not in library


def test_deal_registration_needs_the_certificate_the_owner_names(portal: Portal) -> None:
    portal.admin_sign_in("owner@northwind.example")
    form = portal.get("/admin/settings")
    values = {**form.hidden_fields(), "sign_in_link_minutes": "10", "session_days": "30", "deal_protection_days": "90"}
    saved = portal.admin_post("/admin/settings", {**values, "deal_registration_module": demo_training.BASICS})
    assert saved.location == "/admin/settings?notice=saved", saved.body[:3000]
    portal.jar.clear()
    portal.sign_in("sales@globex.example")  # failed "Northwind partner basics" once

    page = portal.get("/partners/deals/new").body
    assert "needs a current certificate of “Northwind partner basics”" in page and 'name="customer_name"' not in page
    csrf = portal.get("/partners/deals").field("csrf_token")
    refused = portal.post("/partners/deals", {"csrf_token": csrf, "customer_name": "X", "title": "Y"})
    assert refused.status == 403 and not deals()

    right = {f"q{n}": [str(i) for i in correct] for n, (_, _, correct) in enumerate(demo_training.BASICS_QUIZ, 1)}
    take(portal, demo_training.BASICS, right)

    assert register(portal).status == 303 and len(deals()) == 1


def test_only_a_published_module_can_gate(portal: Portal) -> None:
    draft = author(portal, publish=False)
    portal.jar.clear()
    portal.admin_sign_in("owner@northwind.example")
    form = portal.get("/admin/settings")
    values = {**form.hidden_fields(), "sign_in_link_minutes": "10", "session_days": "30", "deal_protection_days": "90"}

    refused = portal.admin_post("/admin/settings", {**values, "deal_registration_module": draft})

    assert refused.status == 400 and "Choose a published training module" in refused.body
