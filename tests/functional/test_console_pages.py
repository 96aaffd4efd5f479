"""Every console page opens for the owner, with a record of each kind to open."""

from __future__ import annotations

import re
from typing import Any

from infra.local import demo_imports, demo_lookups, demo_requests, demo_training
from infra.local.seed import TENANT_ID
from portside.approvals.following import attachment_document
from portside.approvals.models import PricingRequest
from portside.audit import Client
from portside.aws import client
from portside.config import settings
from portside.data import reads
from portside.deals.models import Deal
from portside.documents.library import space_documents
from portside.documents.spaces import SpaceFields, create_space
from portside.imports.columns import COLUMNS, EXAMPLE_ROWS
from portside.manifest import ROUTES, Audience
from portside.questions.models import Question
from portside.storage.documents import document_key
from tests.functional.audit_log.test_log import portal_now
from tests.functional.documents.helpers import PDF, save_upload
from tests.functional.imports.helpers import csv_text, latest_job, run_imports, start
from tests.functional.portal import Portal

OWNER = "owner@northwind.example"


# --- audit log -------------------------------------------------------------------------------------------------


# --- engagement ------------------------------------------------------------------------------------------------


# --- access review ---------------------------------------------------------------------------------------------


def uploaded_document(portal: Portal, space_id: str) -> str:
    assert save_upload(portal, space_id, "guide.pdf", PDF, "Guide").status == 303
    (document,) = space_documents(reads.tenant(TENANT_ID), space_id, archived_too=False)  # type: ignore[arg-type]
    return str(document.document_id)


def import_with_a_report(portal: Portal) -> str:
    """An import with one rejected row, so that its report exists."""
    start(portal, csv_text(COLUMNS["accounts"], [{**EXAMPLE_ROWS["accounts"], "balance": "x"}]), "accounts")
    assert run_imports() == ["done"]
    return str(latest_job().import_id)


def seeded_module() -> str:
    demo_training.seed_training()
    return demo_training.BASICS


def credit_request_with_a_file() -> str:
    """A demo credit request carrying a supporting file, as the portal keeps one."""
    demo_requests.seed_requests()
    request = PricingRequest.get(*PricingRequest.keys_for(TENANT_ID, "demo-acme-credit-new"))
    request.attachment_key = document_key(TENANT_ID, attachment_document(request.request_id))
    request.attachment_name, request.attachment_type, request.attachment_size = "bank.pdf", "application/pdf", 3
    request.save()
    client("s3").put_object(Bucket=settings().documents_bucket, Key=request.attachment_key, Body=b"%PDF")
    return request.request_id


def test_every_console_page_opens_for_the_owner(portal: Portal, admin_pool: dict[str, Any]) -> None:
    deal = Deal.build(
        TENANT_ID,
        "d" * 32,
        "acme",
        portal_now(),
        submitter_id="acme-salesperson",
        submitter_name="Acme Sales",
        customer_name="Initech",
        customer_key="initech",
        title="Laptops",
        amount_cents=100,
        description="x",
    )
    deal.save()
    question = Question.build(
        TENANT_ID,
        "q" * 32,
        "acme",
        portal_now(),
        asker_id="acme-technical",
        asker_name="Acme Tech",
        subject="Rails?",
        body="x",
    )
    question.save()
    demo_lookups.seed_lookups()
    portal.admin_sign_in(OWNER)
    space = create_space(
        reads.tenant(TENANT_ID),  # type: ignore[arg-type]
        SpaceFields("Guides", None, (), ("technical",)),
        "admin:ops@northwind.example",
        Client(),
    )
    ids = {
        "{partner_id}": "acme",
        "{deal_id}": deal.deal_id,
        "{question_id}": question.question_id,
        "{space_id}": space.space_id,
        "{document_id}": uploaded_document(portal, space.space_id),
        "{order_number}": "SO-10042",
        "{kind}": "orders",
        "{import_id}": import_with_a_report(portal),
        "{request_id}": credit_request_with_a_file(),
        "{module_id}": seeded_module(),
    }

    demo_imports.seed_held_import()
    held = {"admin_import_held": {"{import_id}": demo_imports.HELD_IMPORT_ID}}  # a held run's list of changes

    for route in (r for r in ROUTES if r.audience is Audience.ADMIN and r.method == "GET"):
        path = route.path
        for parameter, value in {**ids, **held.get(route.name, {})}.items():
            path = path.replace(parameter, value)
        page = portal.get(path)
        if route.kind == "download":  # a file: answered here, or by a one-minute S3 link
            assert page.status in (200, 303), route.path
        else:
            assert page.status == 200 and "<h1>" in page.body, route.path
            regions = re.findall(r'role="region" aria-label="([^"]*)"', page.body)
            assert len(regions) == len(set(regions)), f"{route.path}: two regions share a name (axe: landmark-unique)"
