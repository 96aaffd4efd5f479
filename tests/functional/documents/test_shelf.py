"""A space's shelf (its current documents, kept on the space) always lists what the documents' own items say,
so the partners' page reads every space and its documents in one Query."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infra.local import seed
from portside import clock
from portside.audit import Client
from portside.aws import client
from portside.config import settings as portal_settings
from portside.data import reads
from portside.data.models.tenants import Tenant
from portside.documents import library, shelf
from portside.documents.models import DocumentSpace
from portside.documents.shelf import Shelved
from portside.documents.spaces import get_space
from portside.errors import Conflict, InvalidInput
from portside.storage import documents as files
from tests.bench.calls import CallCounter
from tests.functional.documents.helpers import PDF, save_upload
from tests.functional.portal import Portal

GUIDES = "demo-technical-guides"
ACTOR, CLIENT = "admin:ops@northwind.example", Client("192.0.2.7", "tests")


def tenant() -> Tenant:
    found = reads.tenant(seed.TENANT_ID)
    assert found is not None
    return found


def put_upload(space_id: str, content: bytes = PDF) -> files.Upload:
    """A file as the browser leaves it in the space's upload folder."""
    key = f"uploads/{seed.TENANT_ID}/{files.space_folder(space_id)}/{uuid.uuid4().hex}/file.pdf"
    client("s3").put_object(Bucket=portal_settings().documents_bucket, Key=key, Body=content)
    return library.upload_in_space(seed.TENANT_ID, space_id, key)


def upload(title: str, space_id: str = GUIDES) -> str:
    return library.upload(tenant(), space_id, title, put_upload(space_id), ACTOR, CLIENT).document_id


def shelf_of(space_id: str = GUIDES) -> list[Shelved]:
    return shelf.shelved(get_space(tenant(), space_id), lambda: pytest.fail("the space has a shelf"))


def as_documents_say(space_id: str = GUIDES) -> list[Shelved]:
    return [Shelved.of(document) for document in library.space_documents(tenant(), space_id, archived_too=False)]


def archive(document_id: str, archived: bool) -> None:
    library.set_archived(tenant(), library.get_document(tenant(), document_id), archived, ACTOR, CLIENT)


OPERATIONS = st.lists(
    st.tuples(st.sampled_from(["upload", "archive", "restore"]), st.integers(0, 3)), min_size=1, max_size=8
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_after_any_uploads_archives_and_restores_the_shelf_lists_what_the_documents_say(
    portal: Portal, operations: list[tuple[str, int]]
) -> None:
    space_id = f"space-{uuid.uuid4().hex[:8]}"  # one space per example: the emulator lives for the whole test
    DocumentSpace.build(seed.TENANT_ID, space_id, space_id, clock.now(), roles=["principal"]).save()
    ids: dict[int, str] = {}
    for operation, title in operations:
        if operation == "upload":  # a new title is a new document, a known one its next version
            ids[title] = library.upload(
                tenant(), space_id, f"Doc {title}", put_upload(space_id), ACTOR, CLIENT
            ).document_id
        elif title in ids:
            archive(ids[title], operation == "archive")

    assert shelf_of(space_id) == as_documents_say(space_id)


def test_a_space_saved_before_shelves_lists_its_documents_and_its_first_change_writes_the_shelf(portal: Portal) -> None:
    seed.seed_document_spaces()
    kept, archived = upload("Installation guide"), upload("Old guide")
    archive(archived, True)
    get_space(tenant(), GUIDES).update(actions=[DocumentSpace.shelf.remove()])  # as every space was before shelves
    older = get_space(tenant(), GUIDES)
    assert older.shelf is None

    read_from_documents = shelf.shelved(older, lambda: library.space_documents(tenant(), GUIDES, archived_too=False))
    added = upload("Wiring guide")

    assert [entry.document_id for entry in read_from_documents] == [kept]
    assert [entry.document_id for entry in shelf_of()] == [added, kept], "the whole shelf, written by the upload"


def test_the_partners_page_reads_every_space_and_its_documents_in_one_query(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    seed.seed_document_spaces()
    for space_id, _, _, _ in seed.DEMO_SPACES:
        upload(f"Sheet of {space_id}", space_id)
    portal.sign_in("principal@acme.example")
    portal.get("/partners/documents")  # warm: the tenant and the partner come from the page cache
    counter = CallCounter()
    try:
        page = portal.get("/partners/documents")
    finally:
        counter.stop()

    assert all(f"Sheet of {space_id}" in page.body for space_id, _, _, _ in seed.DEMO_SPACES), "four spaces open"
    assert counter.dynamodb_round_trips == 2, counter.calls


def test_an_upload_that_read_a_document_before_it_was_archived_puts_nothing_back(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed.seed_document_spaces()
    document_id = upload("Installation guide")
    stale = library.get_document(tenant(), document_id)
    archive(document_id, True)
    monkeypatch.setattr(library, "get_document", lambda _tenant, _id: stale)

    with pytest.raises(Conflict):
        upload("Installation guide")
    monkeypatch.undo()

    assert shelf_of() == [] == as_documents_say()


def test_a_restore_of_a_version_read_before_a_newer_upload_is_refused(portal: Portal) -> None:
    seed.seed_document_spaces()
    document_id = upload("Installation guide")
    stale = library.get_document(tenant(), document_id)
    upload("Installation guide")
    archive(document_id, True)

    with pytest.raises(Conflict):
        library.set_archived(tenant(), stale, False, ACTOR, CLIENT)

    assert shelf_of() == [] == as_documents_say()


def test_a_full_shelf_takes_new_versions_but_refuses_a_new_title(
    portal: Portal, admin_pool: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed.seed_document_spaces()
    monkeypatch.setattr(library, "MAX_SHELVED", 2)
    upload("One")
    upload("Two")
    upload("two")  # the next version of Two

    with pytest.raises(InvalidInput) as refused:
        upload("Three")
    portal.admin_sign_in("ops@northwind.example")
    page = save_upload(portal, GUIDES, "three.pdf", PDF, "Three")

    assert "archive some first" in refused.value.errors["title"]
    assert page.status == 400 and "This space lists 2 documents" in page.body
    assert [entry.title for entry in shelf_of()] == ["Two", "One"]
