"""Documents over HTTP against the local runtime: a browser's upload straight to the emulated S3, a partner's
audited download through a one-minute link, and the attacks on both."""

from __future__ import annotations

import re
import uuid
from html import unescape
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import requests

from tests.e2e.client import Visitor, field
from tests.e2e.deals.test_deals_over_http import contact, partner
from tests.e2e.runtime import Runtime
from tests.e2e.test_console_over_http import console

pytestmark = pytest.mark.e2e

OPS, OWNER = "ops@northwind.example", "owner@northwind.example"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
NAME = 'Precios 2027 — "final".pdf'


def upload_to_s3(admin: Visitor, space_id: str, title: str, file_name: str, content: bytes) -> requests.Response:
    """What the browser does with the space page's form: post the file to S3, then follow S3's redirect back."""
    page = admin.get(f"/admin/documents/{space_id}")
    form = re.search(
        r'<form method="post" action="([^"]+)" enctype="multipart/form-data">(.*?)</form>', page.text, re.S
    )
    assert form, "no upload form"
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(2)))
    fields = {name: unescape(value) for name, value in fields.items()}
    stored = requests.post(
        form.group(1),
        data={**fields, "x-amz-meta-title": title},
        files={"file": (file_name, content, "application/octet-stream")},
        allow_redirects=False,
        timeout=30,
    )
    assert stored.status_code == 303, stored.text
    back = urlsplit(stored.headers["Location"])
    assert f"{back.scheme}://{back.netloc}" == admin.base_url, "S3 sends the browser back to the portal"
    return admin.get(f"{back.path}?{back.query}")


def new_space(runtime: Runtime, name: str, roles: str = "technical", partner_id: str = "") -> str:
    ops, csrf = console(runtime, OPS)
    form = {"csrf_token": csrf, "name": name, "roles": roles, "partners": "chosen" if partner_id else "all"}
    if partner_id:
        form["partner_ids"] = partner_id
    assert ops.post("/admin/documents", form).status_code == 303
    found = re.search(rf'href="/admin/documents/(\w+)">{re.escape(name)}<', ops.get("/admin/documents").text)
    assert found
    return found.group(1)


def saved_document(runtime: Runtime, space_id: str, title: str, file_name: str = "guide.pdf") -> str:
    ops, csrf = console(runtime, OPS)
    back = upload_to_s3(ops, space_id, title, file_name, PDF)
    saved = ops.post(
        f"/admin/documents/{space_id}",
        {"csrf_token": csrf, "title": title, "upload_key": unescape(field(back.text, "upload_key"))},
    )
    assert saved.status_code == 303, saved.text
    found = re.search(
        rf'href="/admin/documents/{space_id}/(\w+)">{re.escape(title)}<', ops.get(f"/admin/documents/{space_id}").text
    )
    assert found
    return found.group(1)


def test_upload_download_and_find_it_in_the_audit_and_the_download_list(runtime: Runtime) -> None:
    space_id = new_space(runtime, f"Guides {uuid.uuid4().hex[:6]}")
    ops, csrf = console(runtime, OPS)
    page = ops.get(f"/admin/documents/{space_id}")
    form_action = next(part for part in page.headers["Content-Security-Policy"].split(";") if "form-action" in part)
    assert form_action.split() == ["form-action", "'self'", runtime.emulator_url], "exactly the upload endpoint"

    back = upload_to_s3(ops, space_id, "Precios 2027", NAME, PDF)
    assert back.status_code == 200 and "Uploaded and checked" in back.text and "(PDF," in back.text
    key = unescape(field(back.text, "upload_key"))
    assert (
        ops.post(
            f"/admin/documents/{space_id}", {"csrf_token": csrf, "title": "Precios 2027", "upload_key": key}
        ).status_code
        == 303
    )
    document_id = re.findall(
        rf"/admin/documents/{space_id}/([0-9a-f]{{32}})", ops.get(f"/admin/documents/{space_id}").text
    )[0]

    tech, email = contact(runtime, "acme", "technical")
    assert "Precios 2027" in tech.get("/partners/documents").text
    answer = tech.get(f"/partners/documents/{document_id}/download", **{"User-Agent": "E2E browser"})
    assert answer.status_code == 303
    link = answer.headers["Location"]
    assert link.startswith(runtime.emulator_url) and parse_qs(urlsplit(link).query)["X-Amz-Expires"] == ["60"]
    fetched = requests.get(link, timeout=30)
    assert fetched.status_code == 200 and fetched.content == PDF
    disposition = fetched.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and unquote(disposition.split("filename*=UTF-8''")[1]) == NAME
    assert fetched.headers["Content-Type"] == "application/pdf"

    owner, _ = console(runtime, OWNER)
    log = owner.get("/admin/audit?action=document.downloaded").text
    assert "Document downloaded" in log and "Precios 2027" in log
    downloads = owner.get(f"/admin/documents/{space_id}/{document_id}").text
    assert "Test Technical" in downloads and "Acme Resellers" in downloads
    exported = owner.get(f"/admin/documents/{space_id}/{document_id}/downloads.csv")
    assert "E2E browser" in exported.text and email not in exported.text


def test_ids_reveal_nothing_to_other_partners_roles_or_after_archiving(runtime: Runtime) -> None:
    acme_only = new_space(runtime, f"Acme only {uuid.uuid4().hex[:6]}", roles="technical", partner_id="acme")
    document_id = saved_document(runtime, acme_only, "Acme kit")
    globex = partner(runtime, "globex", "technical")
    acme_sales = partner(runtime, "acme", "salesperson")
    acme_tech = partner(runtime, "acme", "technical")

    assert globex.get(f"/partners/documents/{document_id}/download").status_code == 404
    assert acme_sales.get(f"/partners/documents/{document_id}/download").status_code == 404
    assert acme_tech.get(f"/partners/documents/{document_id}/download").status_code == 303

    ops, csrf = console(runtime, OPS)
    archive = f"/admin/documents/{acme_only}/{document_id}/archive"
    assert ops.post(archive, {"csrf_token": csrf, "archived": "yes"}).status_code == 303
    assert acme_tech.get(f"/partners/documents/{document_id}/download").status_code == 404
    assert ops.post(archive, {"csrf_token": csrf, "archived": "no"}).status_code == 303
    assert acme_tech.get(f"/partners/documents/{document_id}/download").status_code == 303


def test_a_wrong_kind_an_oversized_file_and_a_tampered_space_are_refused(runtime: Runtime) -> None:
    space_id = new_space(runtime, f"Refusals {uuid.uuid4().hex[:6]}")
    other_space = new_space(runtime, f"Other {uuid.uuid4().hex[:6]}")
    ops, csrf = console(runtime, OPS)

    html = upload_to_s3(ops, space_id, "Not a PDF", "prices.pdf", b"<html><script>alert(1)</script></html>")
    assert "prices.pdf is not a PDF, Office document" in html.text and 'name="upload_key"' not in html.text
    big = upload_to_s3(ops, space_id, "Too big", "big.pdf", PDF + b"0" * (1024 * 1024))
    assert "big.pdf is 1.0 MB; a file may be at most 1.0 MB." in big.text

    good = upload_to_s3(ops, space_id, "Fine", "fine.pdf", PDF)
    key = unescape(field(good.text, "upload_key"))
    tampered = ops.post(f"/admin/documents/{other_space}", {"csrf_token": csrf, "title": "Fine", "upload_key": key})
    assert tampered.status_code == 400 and "does not belong here" in tampered.text
    assert "No documents in this space yet" in ops.get(f"/admin/documents/{other_space}").text
