"""A held import run decided by a second finance admin: approved, it runs again; declined, it ends.

An approval never changes the held job into a queued one: the table's stream feeds the import
worker new items only, so the approval writes a new job (the same file, started by the same
importer, carrying the digest of the changes approved), the kind's lock and the audit event in one
transaction, and marks the held job approved with the new job's id. The admin who started a run
may decline it (withdraw it) but never approve it; a run pushed with an import key is started by
the key, so any finance admin may approve it.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from portside import clock
from portside.audit import Client, audit_event
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.errors import Conflict
from portside.imports.jobs import LOCK_MINUTES, ImportRunning, get_import
from portside.imports.models import ImportJob, ImportLock


class NotHeld(Conflict):
    public_message = "This import is not waiting for an approval any more (someone decided it). The list says how."


class SameImporter(Conflict):
    public_message = "You started this import: a different finance admin must approve it. You may decline it."


def approve_run(tenant: Tenant, import_id: str, actor: str, client: Client) -> ImportJob:
    """Queue the held run again as a new job that applies exactly the changes listed; returns the new job."""
    held = _held(tenant, import_id)
    if held.started_by == actor:
        raise SameImporter(f"{actor} started import {import_id}")
    now, run_id = clock.now(), uuid.uuid4().hex
    run = ImportJob.build(
        tenant.tenant_id,
        run_id,
        held.kind,
        now,
        file_name=held.file_name,
        object_key=held.object_key,
        started_by=held.started_by,
        approval_of=held.import_id,
        approved_by=actor,
        approved_digest=held.held_digest,
    )
    changes = _decided(tenant, held, "approved", actor, client, run_id=run_id)
    lock = ImportLock(
        *ImportLock.keys_for(tenant.tenant_id, held.kind), import_id=run_id, until=now + timedelta(minutes=LOCK_MINUTES)
    )
    changes.put(lock, label="lock", condition=ImportLock.PK.does_not_exist() | (ImportLock.until < now))
    changes.put(run, label="run", condition=ImportJob.PK.does_not_exist())
    _commit(changes, held)
    return run


def decline_run(tenant: Tenant, import_id: str, actor: str, client: Client) -> ImportJob:
    held = _held(tenant, import_id)
    _commit(_decided(tenant, held, "declined", actor, client), held)
    return held


def _held(tenant: Tenant, import_id: str) -> ImportJob:
    job = get_import(tenant, import_id)
    if job.status != "held":
        raise NotHeld(f"import {import_id} is {job.status}")
    return job


def _decided(
    tenant: Tenant, held: ImportJob, status: str, actor: str, client: Client, run_id: str | None = None
) -> Changes:
    """The held job's decision (only while it is held) and its audit event."""
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            f"import.{status}",
            f"import:{held.import_id}",
            client,
            kind=held.kind,
            held=int(held.held_count),
            run=run_id or "",
        )
    )
    actions = [ImportJob.status.set(status), ImportJob.decided_by.set(actor), ImportJob.decided_at.set(clock.now())]
    if run_id:
        actions.append(ImportJob.run_id.set(run_id))
    changes.update_key(ImportJob, (held.PK, held.SK), actions, label="held", condition=ImportJob.status == "held")
    return changes


def _commit(changes: Changes, held: ImportJob) -> None:
    try:
        changes.commit()
    except ConditionFailed as failed:
        if "held" in failed.labels:
            raise NotHeld(f"import {held.import_id} was decided meanwhile") from failed
        raise ImportRunning(f"an import of {held.kind} is running") from failed
