"""ERP imports as the console starts and lists them (the run itself is ``runs``, in the worker).

Starting an import moves the checked upload under ``imports/`` and writes the job (queued), its
kind's lock and the audit event in one transaction: an import of a kind already queued or running
is refused until it ends. The table's stream wakes the import worker (never the web request, so a
file of 50,000 rows is no page's problem).
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import timedelta

from portside import clock
from portside.audit import Client, audit_event
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.errors import Conflict, InvalidInput, NotFound
from portside.imports import files as import_files
from portside.imports.columns import COLUMNS, EXAMPLE_ROWS
from portside.imports.models import IMPORT_KINDS, ImportJob, ImportLock

LOCK_MINUTES = 20  # longer than a worker may run: a lock outliving its worker lapses by itself
PAGE_SIZE = 20


class ImportRunning(Conflict):
    public_message = (
        "An import of this kind is still running. Start this one when it has finished (the list below says)."
    )


def _queue(
    tenant: Tenant, kind: str, import_id: str, kept: str, file_name: str, actor: str, client: Client
) -> ImportJob:
    """The job, its kind's lock and the audit event in one transaction; refused while the kind is held."""
    if kind not in IMPORT_KINDS:
        import_files.delete(kept)
        raise InvalidInput({"kind": "Choose what the file holds: orders, stock, prices or accounts."})
    now = clock.now()
    job = ImportJob.build(
        tenant.tenant_id, import_id, kind, now, file_name=file_name, object_key=kept, started_by=actor
    )
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "import.started", f"import:{import_id}", client, kind=kind, file=file_name)
    )
    lock = ImportLock(
        *ImportLock.keys_for(tenant.tenant_id, kind), import_id=import_id, until=now + timedelta(minutes=LOCK_MINUTES)
    )
    changes.put(lock, label="lock", condition=ImportLock.PK.does_not_exist() | (ImportLock.until < now))
    changes.put(job, label="job", condition=ImportJob.PK.does_not_exist())
    try:
        changes.commit()
    except ConditionFailed as failed:
        import_files.delete(kept)
        raise ImportRunning(f"an import of {kind} is running") from failed
    return job


def start_import(tenant: Tenant, kind: str, upload_key: str, file_name: str, actor: str, client: Client) -> ImportJob:
    """Queue an import of a checked upload; refused while another of its kind is queued or running."""
    import_id = uuid.uuid4().hex
    kept = import_files.keep_upload(upload_key, tenant.tenant_id, import_id)
    job = _queue(tenant, kind, import_id, kept, file_name, actor, client)
    import_files.delete(upload_key)
    return job


def start_pushed(tenant: Tenant, kind: str, rows: list[dict[str, str]], actor: str, client: Client) -> ImportJob:
    """Queue an import of rows an ERP pushed as JSON: written as the CSV a person would upload, then run alike."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[kind], restval="")
    writer.writeheader()
    writer.writerows(rows)
    import_id = uuid.uuid4().hex
    kept = import_files.write_source(tenant.tenant_id, import_id, out.getvalue())
    return _queue(tenant, kind, import_id, kept, f"pushed-{kind}.json", actor, client)


def running_count(tenant: Tenant, limit: int) -> int:
    """How many kinds have an import queued or running (their locks not lapsed): one BatchGetItem."""
    keys = [ImportLock.keys_for(tenant.tenant_id, kind) for kind in IMPORT_KINDS]
    now = clock.now()
    return min(limit, sum(1 for lock in ImportLock.batch_get(keys) if lock.until > now))


def imports_page(tenant: Tenant, cursor: str | None) -> Page[ImportJob]:
    """The tenant's imports, newest first."""
    return query_page(
        ImportJob,
        ImportJob.list_partition(tenant.tenant_id),
        index="GSI1",
        limit=PAGE_SIZE,
        cursor=cursor,
        newest_first=True,
    )


def get_import(tenant: Tenant, import_id: str) -> ImportJob:
    job = reads.get_or_none(ImportJob, ImportJob.keys_for(tenant.tenant_id, import_id[:64]))
    if job is None:
        raise NotFound(f"import {import_id}")
    return job


def report_link(tenant: Tenant, import_id: str) -> str:
    """A one-minute link to an import's rejected rows; NotFound when none was rejected."""
    job = get_import(tenant, import_id)
    if not job.report_key:
        raise NotFound(f"report of import {job.import_id}")
    return import_files.report_url(job.report_key, f"{job.kind}-rejected-rows.csv")


def held_link(tenant: Tenant, import_id: str) -> str:
    """A one-minute link to every change a held run would make past four eyes; NotFound for a run never held."""
    job = get_import(tenant, import_id)
    if not job.held_key:
        raise NotFound(f"held changes of import {job.import_id}")
    return import_files.report_url(job.held_key, f"{job.kind}-held-changes.csv")


def require_kind(kind: str) -> str:
    """``kind`` if it is one of the kinds imported (a path names it); else NotFound."""
    if kind not in IMPORT_KINDS:
        raise NotFound(f"import kind {kind}")
    return kind


def template_csv(kind: str) -> str:
    """The header row of ``kind``'s file, and an example row to copy; an unknown kind is NotFound."""
    require_kind(kind)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS[kind])
    writer.writerow(EXAMPLE_ROWS[kind].get(column, "") for column in COLUMNS[kind])
    return out.getvalue()
