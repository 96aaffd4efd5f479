"""The console's side of documents: uploads checked by content, versions by title, archive and restore."""

from __future__ import annotations

import re
from typing import Any

import pytest

from infra.local import seed
from portside.aws import client
from portside.config import settings
from portside.data.models.records import AuditEvent
from portside.storage.documents import document_key
from tests.functional.documents.helpers import CSV, PDF, save_upload, upload, uploads_left
from tests.functional.portal import Portal

OPS, AUDITOR = "ops@northwind.example", "auditor@northwind.example"
GUIDES = "demo-technical-guides"


@pytest.fixture
def ops(portal: Portal, admin_pool: dict[str, Any]) -> Portal:
    seed.seed_document_spaces()
    portal.admin_sign_in(OPS)
    return portal


def audit_of(action: str) -> list[AuditEvent]:
    return [event for event in AuditEvent.query(AuditEvent.partition_of(seed.TENANT_ID)) if event.action == action]


def document_ids(portal: Portal, space_id: str) -> list[str]:
    listed = portal.get(f"/admin/documents/{space_id}").body
    return re.findall(rf'href="/admin/documents/{space_id}/([0-9a-f]{{32}})"', listed)


def test_an_upload_is_checked_then_saved_under_its_title(ops: Portal) -> None:
    back = upload(ops, GUIDES, "install-guide.pdf", PDF, "Installation guide")

    assert "Uploaded and checked: install-guide.pdf (PDF, 69 bytes)" in back.body
    assert back.field("title") == "Installation guide", "the title typed before the upload comes back"
    assert 'maxlength="200"' in back.body, "a field's extra attributes are markup, not text"
    saved = ops.admin_post(
        f"/admin/documents/{GUIDES}", {"title": "Installation guide", "upload_key": back.field("upload_key")}
    )

    assert saved.status == 303 and saved.location == f"/admin/documents/{GUIDES}?notice=saved"
    listed = ops.get(f"/admin/documents/{GUIDES}").body
    assert "Installation guide" in listed and "install-guide.pdf" in listed and "Document saved" not in listed
    assert "Document saved" in ops.get(saved.location).body
    (event,) = audit_of("document.uploaded")
    assert event.actor == f"admin:{OPS}" and event.details["file_name"] == "install-guide.pdf"
    assert uploads_left(GUIDES) == [], "the checked upload is moved, not copied and left"
    assert ">1<" in ops.get("/admin/documents").body.split("Technical guides", 1)[1], "the space counts it"


def test_the_same_title_again_is_a_new_version_and_the_bucket_keeps_both(ops: Portal) -> None:
    save_upload(ops, GUIDES, "guide-v1.pdf", PDF, "Installation guide")
    again = save_upload(ops, GUIDES, "guide-v2.pdf", PDF + b"% v2\n", "installation  GUIDE")

    assert again.location == f"/admin/documents/{GUIDES}?notice=version"
    (document_id,) = document_ids(ops, GUIDES)
    page = ops.get(f"/admin/documents/{GUIDES}/{document_id}").body
    assert "guide-v1.pdf" in page and "guide-v2.pdf" in page and "version 2" in page
    versions = client("s3").list_object_versions(
        Bucket=settings().documents_bucket, Prefix=document_key(seed.TENANT_ID, document_id)
    )["Versions"]
    assert len(versions) == 2


@pytest.mark.parametrize(
    ("file_name", "content", "said"),
    [
        ("price-list.pdf", b"<!DOCTYPE html><script>alert(document.cookie)</script>", "is not a PDF, Office document"),
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "is not a PDF, Office document"),
        ("setup.pdf", b"MZ\x90\x00" + b"\x00" * 100, "is not a PDF, Office document"),
        ("notes.txt", b"\xef\xbb\xbf  <!-- notes --><p onclick=alert(1)>hi</p>", "is not a PDF, Office document"),
        ("x.html", b"<x-card>hello</x-card>", "is not a PDF, Office document"),
    ],
)
def test_a_file_of_the_wrong_kind_is_deleted_and_named_whatever_its_name(
    ops: Portal, file_name: str, content: bytes, said: str
) -> None:
    back = upload(ops, GUIDES, file_name, content, "Sneaky")

    assert back.status == 200 and f"{file_name} {said}" in back.body and "It was not kept" in back.body
    assert 'name="upload_key"' not in back.body, "no save step for a refused file"
    assert uploads_left(GUIDES) == []


def test_a_text_file_is_saved_with_a_txt_name_whatever_it_was_called(ops: Portal) -> None:
    back = upload(ops, GUIDES, "readme.html", b"Plain words, no markup.\n", "Read me")

    assert "Uploaded and checked: readme.html.txt (Text" in back.body


def test_a_file_over_the_limit_is_refused_with_the_limit(ops: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTSIDE_DOCUMENT_MAX_BYTES", "100")
    settings.cache_clear()

    back = upload(ops, GUIDES, "big.csv", CSV * 3, "Big")

    assert f"big.csv is {len(CSV * 3)} bytes; a file may be at most 100 bytes." in back.body
    assert uploads_left(GUIDES) == []


def test_a_save_naming_another_spaces_or_tenants_upload_is_refused(ops: Portal) -> None:
    back = upload(ops, "demo-price-lists", "prices.csv", CSV, "Prices")
    elsewhere = back.field("upload_key")
    other_tenant = elsewhere.replace(f"uploads/{seed.TENANT_ID}/", "uploads/other-tenant/")

    for key in (elsewhere, other_tenant, "documents/northwind/x", "../../etc/passwd"):
        refused = ops.admin_post(f"/admin/documents/{GUIDES}", {"title": "Prices", "upload_key": key})
        assert refused.status == 400 and "That upload does not belong here" in refused.body
    assert document_ids(ops, GUIDES) == [] and document_ids(ops, "demo-price-lists") == []


def test_a_save_without_a_title_is_shown_again_with_the_upload_kept(ops: Portal) -> None:
    back = upload(ops, GUIDES, "guide.pdf", PDF)

    refused = ops.admin_post(f"/admin/documents/{GUIDES}", {"title": " ", "upload_key": back.field("upload_key")})

    assert refused.status == 400 and "Give the document a title" in refused.body
    saved = ops.admin_post(f"/admin/documents/{GUIDES}", {"title": "Guide", "upload_key": refused.field("upload_key")})
    assert saved.status == 303 and len(document_ids(ops, GUIDES)) == 1


def test_an_upload_saved_twice_is_one_document(ops: Portal) -> None:
    back = upload(ops, GUIDES, "guide.pdf", PDF, "Guide")
    form = {"title": "Guide", "upload_key": back.field("upload_key")}

    assert ops.admin_post(f"/admin/documents/{GUIDES}", form).status == 303
    again = ops.admin_post(f"/admin/documents/{GUIDES}", form)

    assert again.status == 400 and "The upload is gone" in again.body
    assert len(document_ids(ops, GUIDES)) == 1 and len(audit_of("document.uploaded")) == 1


def test_archive_and_restore_are_audited(ops: Portal) -> None:
    save_upload(ops, GUIDES, "guide.pdf", PDF, "Guide")
    (document_id,) = document_ids(ops, GUIDES)
    path = f"/admin/documents/{GUIDES}/{document_id}"

    archived = ops.admin_post(f"{path}/archive", {"archived": "yes"})
    assert archived.location == f"{path}?notice=archived"
    assert "Archived" in ops.get(f"/admin/documents/{GUIDES}").body and "Restore" in ops.get(path).body
    assert ops.admin_post(f"{path}/archive", {"archived": "no"}).location == f"{path}?notice=restored"

    assert [len(audit_of("document.archived")), len(audit_of("document.restored"))] == [1, 1]
    assert ops.admin_post(f"{path}/archive", {"archived": "maybe"}).status == 400


def test_a_document_is_only_found_in_its_own_space(ops: Portal) -> None:
    save_upload(ops, GUIDES, "guide.pdf", PDF, "Guide")
    (document_id,) = document_ids(ops, GUIDES)

    assert ops.get(f"/admin/documents/demo-price-lists/{document_id}").status == 404
    assert ops.admin_post(f"/admin/documents/demo-price-lists/{document_id}/archive", {"archived": "yes"}).status == 404
    assert ops.get(f"/admin/documents/{GUIDES}/{'0' * 32}").status == 404


def test_the_auditor_reads_documents_and_uploads_or_archives_none(portal: Portal, admin_pool: dict[str, Any]) -> None:
    seed.seed_document_spaces()
    portal.admin_sign_in(OPS)
    save_upload(portal, GUIDES, "guide.pdf", PDF, "Guide")
    (document_id,) = document_ids(portal, GUIDES)
    portal.admin_sign_in(AUDITOR)

    page = portal.get(f"/admin/documents/{GUIDES}")

    assert page.status == 200 and "Guide" in page.body and "Upload a document" not in page.body
    assert "form-action 'self';" in page.headers["Content-Security-Policy"] + ";", "no upload, no widened CSP"
    assert portal.get(f"/admin/documents/{GUIDES}/{document_id}").status == 200
    assert portal.admin_post(f"/admin/documents/{GUIDES}", {"title": "x", "upload_key": "y"}).status == 403
    assert portal.admin_post(f"/admin/documents/{GUIDES}/{document_id}/archive", {"archived": "yes"}).status == 403


def test_the_upload_page_lets_its_form_post_to_the_bucket_only(ops: Portal) -> None:
    page = ops.get(f"/admin/documents/{GUIDES}")

    policy = page.headers["Content-Security-Policy"]
    form_action = next(part for part in policy.split(";") if "form-action" in part).split()
    assert form_action[:2] == ["form-action", "'self'"] and len(form_action) == 3
    assert page.body.count('enctype="multipart/form-data"') == 1 and 'name="x-amz-meta-title"' in page.body
