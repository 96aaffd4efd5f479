"""The console's imports page: what was imported and how it went, the upload form, and the start step; and
one import's page, where a run held for four eyes is decided.

As the documents page, the upload form posts straight to S3 (``upload_pages``); back from S3
(``?key=``) the file is checked at once (CSV text, within the limit, its header row that of the kind
chosen) and offered for importing. A running import shows a progress bar and a refresh link: the page
never reloads by itself, which would move it under a screen reader. One import's page lists its first
rejected rows.
"""

from __future__ import annotations

import csv
import io
import itertools
from typing import Any

from portside.auth.matrix import IMPORT_ACTIONS
from portside.errors import Forbidden, InvalidInput
from portside.imports import files as import_files
from portside.imports.columns import LABELS, first_row_problem
from portside.imports.jobs import get_import, imports_page
from portside.partners.directory import partner_names
from portside.storage import documents as files
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.upload_pages import page_with_upload

TEMPLATE = "imports/admin_imports.html"
FOLDER = "imports"
CSV_TYPES = ("text/csv", "text/plain")
NOTICES = {"started": "Import started: it runs in the background; its progress and result show below."}


def may_import(request: PortalRequest, kind: str) -> bool:
    return kind in IMPORT_ACTIONS and request.admin.may("imports", IMPORT_ACTIONS[kind])


def require_import_right(request: PortalRequest) -> None:
    """Ops may not start a prices or accounts import (nor finance one of orders or stock), whatever else the
    form holds: decided before the form is read."""
    kind = request.form.get("kind", "")
    if kind in IMPORT_ACTIONS and not may_import(request, kind):
        raise Forbidden(f"{request.admin.actor} may not import {kind}")


def checked_import_file(request: PortalRequest, upload_key: str) -> files.CheckedUpload:
    """The uploaded file, back from S3, checked as CSV text within the limit and, for the kind chosen with it,
    by its header row: "uploaded and checked" is said only of a file whose columns are the template's."""
    upload = files.upload_of(request.tenant.tenant_id, FOLDER, upload_key)
    checked = files.check_upload(upload, CSV_TYPES, "a CSV file (UTF-8 text)", typed_field="kind")
    problem = first_row_problem(checked.typed, checked.head) if checked.typed in LABELS else None
    if problem is not None:
        files.discard(checked.key)
        raise InvalidInput({"file": problem})
    return checked


def imports_context(request: PortalRequest) -> dict[str, Any]:
    can_manage = request.admin.may("imports", "manage")
    listed = imports_page(request.tenant, request.query("cursor"))
    return_url = f"{request.tenant.base_url.rstrip('/')}/admin/imports"
    return {
        "imports": listed.items,
        "next_cursor": listed.cursor,
        "running": any(job.in_progress for job in listed.items),
        "kinds": LABELS,
        "importable": {kind: label for kind, label in LABELS.items() if may_import(request, kind)},
        "can_manage": can_manage,
        "upload": files.upload_form(request.tenant.tenant_id, FOLDER, return_url, typed_field="kind")
        if can_manage
        else None,
        "max_bytes": files.max_bytes(),
        "checked": None,
        "notice": NOTICES.get(request.query("notice") or ""),
    }


def imports_page_response(request: PortalRequest) -> Response:
    def read_back(key: str) -> tuple[files.CheckedUpload, dict[str, str]]:
        checked = checked_import_file(request, key)
        return checked, {"kind": checked.typed if checked.typed in LABELS else "", "upload_key": checked.key}

    return page_with_upload(request, TEMPLATE, imports_context(request), read_back)


RUN_TEMPLATE = "imports/admin_import.html"
RUN_NOTICES = {
    "approved": "Approved: the import runs again now and applies the changes listed (its progress shows on Imports).",
    "declined": "Declined: nothing of this file is applied. Import a corrected file when it is ready.",
}


def import_run_context(request: PortalRequest) -> dict[str, Any]:
    """One import: how it went; a run held for four eyes lists what it would change, for a second finance admin."""
    job = get_import(request.tenant, request.path_param("import_id"))
    held = list(job.held or [])
    return {
        "job": job,
        "kinds": LABELS,
        "held": held,
        "partner_names": partner_names(request.tenant, {change.partner_id for change in held}),
        "thresholds": request.tenant,
        "can_decide": job.status == "held" and may_import(request, job.kind),
        "started_it": job.started_by == request.admin.actor,
        "notice": RUN_NOTICES.get(request.query("notice") or ""),
        "rejected_rows": rejected_rows(job.report_key) if job.report_key else [],
    }


REJECTED_SHOWN = 50


def rejected_rows(report_key: str) -> list[dict[str, str]]:
    """The first rejected rows of a run, from its report (the CSV download holds them all): one S3 read."""
    text = import_files.read(report_key).decode("utf-8")
    return list(itertools.islice(csv.DictReader(io.StringIO(text)), REJECTED_SHOWN))
