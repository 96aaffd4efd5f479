"""The partners' side of documents: each contact sees the spaces open to its partner and role, and every
download is audited and counted before a one-minute link is handed out."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from infra.local import demo_documents, seed
from portside.data.models.records import AuditEvent
from portside.documents.models import Download
from tests.functional.documents.helpers import CSV, PDF, save_upload
from tests.functional.portal import Portal

OPS = "ops@northwind.example"


@pytest.fixture
def documents(portal: Portal, admin_pool: dict[str, Any]) -> dict[str, str]:
    """One document in each demo space, uploaded by ops: ``{title: document id}``."""
    seed.seed_document_spaces()
    portal.admin_sign_in(OPS)
    for space_id, title, file_name, content in (
        ("demo-product-sheets", "Rack server sheet", "r740.pdf", PDF),
        ("demo-price-lists", "Price list 2027", "prices.csv", CSV),
        ("demo-technical-guides", "Installation guide", 'Guía de instalación "final" ✓.pdf', PDF),
        ("demo-acme-co-marketing", "Acme campaign kit", "kit.pdf", PDF),
    ):
        assert save_upload(portal, space_id, file_name, content, title).status == 303
    ids = {}
    for space_id, _, _, _ in seed.DEMO_SPACES:
        page = portal.get(f"/admin/documents/{space_id}").body
        for document_id, title in re.findall(rf'href="/admin/documents/{space_id}/(\w+)">([^<]+)</a>', page):
            ids[title] = document_id
    portal.jar.clear()
    return ids


def downloads_of(document_id: str) -> list[Download]:
    return list(Download.query(Download.partition_of(seed.TENANT_ID, document_id)))


def test_a_technical_contact_sees_guides_and_sheets_but_not_price_lists(
    portal: Portal, documents: dict[str, str]
) -> None:
    portal.sign_in("tech@acme.example")

    page = portal.get("/partners/documents")

    assert page.status == 200
    assert "Technical guides" in page.body and "Installation guide" in page.body and "Rack server sheet" in page.body
    assert "Acme co-marketing" in page.body, "a space open to Acme only"
    assert "Price lists and terms" not in page.body and "Price list 2027" not in page.body
    assert 'href="/partners/documents"' in portal.get("/partners/dashboard").body, "Documents is in the navigation"
    assert "amazonaws" not in page.body and "X-Amz" not in page.body, "pages never carry S3 links"


def test_spaces_follow_partner_and_role(portal: Portal, documents: dict[str, str]) -> None:
    portal.sign_in("principal@globex.example")
    globex = portal.get("/partners/documents").body
    portal.sign_in("sales@acme.example")
    sales = portal.get("/partners/documents").body

    assert "Price list 2027" in globex and "Acme campaign kit" not in globex
    assert "Acme campaign kit" in sales and "Installation guide" not in sales and "Price list 2027" not in sales


def test_the_title_filter_and_what_an_empty_library_says(portal: Portal, documents: dict[str, str]) -> None:
    portal.sign_in("tech@acme.example")

    filtered = portal.get("/partners/documents?title=INSTALL").body
    nothing = portal.get("/partners/documents?title=%3Cscript%3E").body

    assert "Installation guide" in filtered and "Rack server sheet" not in filtered
    assert "No document here has “&lt;script&gt;” in its title." in nothing and "<script>" not in nothing


def test_no_space_open_says_whom_to_ask(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("tech@globex.example")

    page = portal.get("/partners/documents").body

    assert "No documents are shared with you yet" in page


def test_a_download_is_audited_and_counted_then_a_one_minute_link(portal: Portal, documents: dict[str, str]) -> None:
    document_id = documents["Installation guide"]
    portal.sign_in("tech@acme.example")

    answer = portal.get(f"/partners/documents/{document_id}/download", headers={"User-Agent": "Browser/1.0"})

    assert answer.status == 303
    link = urlsplit(answer.location)
    query = parse_qs(link.query)
    assert query["X-Amz-Expires"] == ["60"] and "X-Amz-Signature" in query and "versionId" in query
    assert query["response-content-disposition"] == [
        'attachment; filename="Gu_a de instalaci_n _final_ _.pdf"; '
        "filename*=UTF-8''Gu%C3%ADa%20de%20instalaci%C3%B3n%20%22final%22%20%E2%9C%93.pdf"
    ]
    assert query["response-content-type"] == ["application/pdf"]
    (download,) = downloads_of(document_id)
    assert (download.contact_id, download.partner_id, download.version_number) == ("acme-technical", "acme", 1)
    assert download.client_ip == portal.source_ip and (download.user_agent or "").endswith("Browser/1.0")
    (event,) = [
        e for e in AuditEvent.query(AuditEvent.partition_of(seed.TENANT_ID)) if e.action == "document.downloaded"
    ]
    assert event.actor == "contact:acme-technical" and event.target == f"document:{document_id}"
    fetched = requests.get(answer.location, timeout=5)
    assert fetched.content == PDF and fetched.headers["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    ("email", "title"),
    [
        ("tech@globex.example", "Acme campaign kit"),  # another partner's space
        ("tech@acme.example", "Price list 2027"),  # a role the space is not open to
        ("sales@acme.example", "Installation guide"),
    ],
)
def test_a_document_the_contact_may_not_have_is_not_found(
    portal: Portal, documents: dict[str, str], email: str, title: str
) -> None:
    portal.sign_in(email)

    answer = portal.get(f"/partners/documents/{documents[title]}/download")

    assert answer.status == 404 and downloads_of(documents[title]) == []


def test_an_archived_or_unknown_document_is_not_found(portal: Portal, documents: dict[str, str]) -> None:
    document_id = documents["Installation guide"]
    portal.admin_sign_in(OPS)
    portal.admin_post(f"/admin/documents/demo-technical-guides/{document_id}/archive", {"archived": "yes"})
    portal.sign_in("tech@acme.example")

    assert portal.get(f"/partners/documents/{document_id}/download").status == 404
    assert "Installation guide" not in portal.get("/partners/documents").body
    assert portal.get(f"/partners/documents/{'f' * 32}/download").status == 404
    assert portal.get("/partners/documents/..%2F..%2Fetc/download").status == 404
    assert downloads_of(document_id) == []


def test_the_download_list_shows_who_and_exports_as_csv(portal: Portal, documents: dict[str, str]) -> None:
    document_id = documents["Rack server sheet"]
    for email in ("tech@acme.example", "principal@globex.example"):
        portal.sign_in(email)
        assert portal.get(f"/partners/documents/{document_id}/download").status == 303
    portal.admin_sign_in("auditor@northwind.example")

    page = portal.get(f"/admin/documents/demo-product-sheets/{document_id}").body
    exported = portal.get(f"/admin/documents/demo-product-sheets/{document_id}/downloads.csv")

    assert page.index("Globex Principal") < page.index("Acme Tech"), "newest first"
    lines = exported.body.strip().splitlines()
    assert exported.headers["Content-Type"].startswith("text/csv") and len(lines) == 3
    assert lines[0].startswith("Downloaded at (UTC),Contact,") and "Globex Principal" in lines[1]
    assert ">2<" in portal.get("/admin/documents/demo-product-sheets").body.replace(" ", ""), "the count"


def test_downloads_page_by_cursor(portal: Portal, documents: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    from portside.documents import downloads as domain

    monkeypatch.setattr(domain, "DOWNLOADS_PAGE", 2)
    document_id = documents["Rack server sheet"]
    portal.sign_in("tech@acme.example")
    for _ in range(3):
        portal.get(f"/partners/documents/{document_id}/download")
    portal.admin_sign_in(OPS)

    first = portal.get(f"/admin/documents/demo-product-sheets/{document_id}")
    cursor = re.search(r"\?cursor=([\w-]+)\">Older downloads", first.body)

    assert cursor and first.body.count("Acme Tech") == 2
    assert (
        portal.get(f"/admin/documents/demo-product-sheets/{document_id}?cursor={cursor.group(1)}").body.count(
            "Acme Tech"
        )
        == 1
    )


def test_the_demo_library_is_real_files_checked_as_any_upload(portal: Portal) -> None:
    seed.seed_document_spaces()
    demo_documents.seed_documents(seed.TENANT_ID)
    portal.sign_in("tech@acme.example")

    page = portal.get("/partners/documents").body

    assert "Installation guide" in page and "PDF" in page and "Firmware release notes" in page and "Text" in page
    assert "Product catalogue 2027" in page and "CSV" in page and "Price list 2027" not in page
    guide = re.search(r'href="/partners/documents/(\w+)/download"[^>]*>\s*<strong>Installation guide', page)
    assert guide and requests.get(portal.get(guide.group(0).split('"')[1]).location, timeout=5).content.startswith(
        b"%PDF-1.4"
    )
