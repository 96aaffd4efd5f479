"""An import's run, in the import worker: every row checked, the good ones applied, the rest reported, all audited.

The job moves from queued to running conditionally, so a job the stream delivers twice runs once.
The rejected rows are written as a CSV report beside the file; the counts go on the job and in the
audit event; the kind's lock is released; the kind's "Updated" time moves on. A prices or accounts
run with changes past the four-eyes thresholds (``holds``) applies nothing: it is held whole.
"""

from __future__ import annotations

import csv
import io

from botocore.exceptions import ClientError
from pynamodb.exceptions import UpdateError

from portside import clock
from portside.audit import Client, audit_event
from portside.data import reads
from portside.data.changes import Changes
from portside.data.models.tenants import Partner
from portside.errors import InvalidInput
from portside.imports import files as import_files
from portside.imports.apply import APPLY, Outcome
from portside.imports.columns import header_problem
from portside.imports.holds import HELD_KINDS, as_csv, digest, held_changes
from portside.imports.models import HELD_SHOWN, HeldChange, ImportJob, ImportLock
from portside.imports.rows import Row, parse_row
from portside.lookups import freshness
from portside.observability import logger

CHUNK = 5000  # rows applied at a time, and how often the job's progress moves


def _partners(tenant_id: str) -> set[str]:
    listed = Partner.gsi1.query(Partner.list_partition(tenant_id))
    return {item.partner_id for item in listed if isinstance(item, Partner)}


def _read_rows(job: ImportJob) -> list[tuple[int, dict[str, str]]]:
    body = import_files.read(job.object_key)
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            {"file": "The file is not UTF-8 text. Save it from the spreadsheet as CSV UTF-8."}
        ) from error
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise InvalidInput({"file": "The file is empty: it needs the header row and at least one row."})
    problem = header_problem(job.kind, header)
    if problem:
        raise InvalidInput({"file": problem})
    names = [name.strip().lstrip("\ufeff") for name in header]
    rows = []
    while True:
        line = reader.line_num + 1  # where the row starts: a quoted value may span lines
        values = next(reader, None)
        if values is None:
            break
        if any(value.strip() for value in values):
            rows.append((line, dict(zip(names, values, strict=False))))
    if not rows:
        raise InvalidInput({"file": "The file has its header row but no rows."})
    return rows


def _report(job: ImportJob, rejected: list[tuple[int, str, str]]) -> str | None:
    if not rejected:
        return None
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("line", "column", "reason"))
    writer.writerows(sorted(rejected))
    return import_files.write_report(job.tenant_id, job.import_id, out.getvalue())


def run(keys: tuple[str, str]) -> str:
    """Run a queued import: "done", "failed", "held" (for four eyes) or "skipped" (not queued: another attempt
    has it)."""
    job = reads.get_or_none(ImportJob, keys, consistent=True)
    if job is None or job.status != "queued":
        return "skipped"
    try:
        job.update(actions=[ImportJob.status.set("running")], condition=ImportJob.status == "queued")
    except UpdateError:  # another attempt took it a moment ago
        return "skipped"
    outcome, problem, total = Outcome(), None, 0
    try:
        rows = _read_rows(job)
        total = len(rows)
        job.update(actions=[ImportJob.rows_total.set(total)])
        checked = _check(job.kind, rows, outcome)
        partners = _partners(job.tenant_id)
        held = _past_four_eyes(job, checked, partners)
        if held and digest(held) != job.approved_digest:
            return _hold(job, held, total)
        # An order's lines may be anywhere in its file: an orders run is applied in one piece.
        chunk = max(len(checked), 1) if job.kind == "orders" else CHUNK
        for start in range(0, len(checked), chunk):
            part = APPLY[job.kind](job.tenant_id, checked[start : start + chunk], clock.now(), partners)
            outcome.created, outcome.updated = outcome.created + part.created, outcome.updated + part.updated
            outcome.unchanged += part.unchanged
            outcome.rejected += part.rejected
            done = total - len(checked) + min(start + chunk, len(checked))  # rows refused by the check are done
            job.update(actions=[ImportJob.rows_done.set(done)])
    except InvalidInput as refused:
        problem = next(iter(refused.errors.values()))
    except ClientError as error:
        logger.exception("an import could not read its file")
        problem = (
            f"The file could not be read ({error.response.get('Error', {}).get('Code', 'error')}). Upload it again."
        )
    return _finish(job, outcome, problem, total)


def _check(kind: str, rows: list[tuple[int, dict[str, str]]], outcome: Outcome) -> list[tuple[int, Row]]:
    """The rows that pass their kind's checks; the others' problems go on ``outcome``."""
    checked = []
    for line, values in rows:
        row, problems = parse_row(kind, values)
        if row is None:
            outcome.rejected += [(line, column, reason) for column, reason in problems]
        else:
            checked.append((line, row))
    return checked


def _past_four_eyes(job: ImportJob, checked: list[tuple[int, Row]], partners: set[str]) -> list[HeldChange]:
    tenant = reads.tenant(job.tenant_id) if job.kind in HELD_KINDS else None
    if tenant is None:
        return []
    return [change for change in held_changes(tenant, job.kind, checked) if change.partner_id in partners]


def _hold(job: ImportJob, held: list[HeldChange], total: int) -> str:
    """Nothing applied: the run waits, with what it would change, for a second finance admin (``decisions``)."""
    held_key = import_files.write_held(job.tenant_id, job.import_id, as_csv(held))
    changes = Changes(
        audit_event(
            job.tenant_id,
            "system:import",
            "import.held",
            f"import:{job.import_id}",
            Client(),
            kind=job.kind,
            rows=total,
            held=len(held),
        )
    )
    actions = [
        ImportJob.status.set("held"),
        ImportJob.held.set(held[:HELD_SHOWN]),
        ImportJob.held_count.set(len(held)),
        ImportJob.held_digest.set(digest(held)),
        ImportJob.held_key.set(held_key),
        ImportJob.finished_at.set(clock.now()),
    ]
    changes.update_key(ImportJob, (job.PK, job.SK), actions, label="job")
    _release_lock(changes, job)
    changes.commit()
    return "held"


def _finish(job: ImportJob, outcome: Outcome, problem: str | None, total: int) -> str:
    now = clock.now()
    rejected_rows = len({line for line, _, _ in outcome.rejected})
    report = _report(job, outcome.rejected)
    status = "failed" if problem else "done"
    changes = Changes(
        audit_event(
            job.tenant_id,
            "system:import",
            f"import.{status}",
            f"import:{job.import_id}",
            Client(),
            kind=job.kind,
            rows=total,
            created=outcome.created,
            updated=outcome.updated,
            unchanged=outcome.unchanged,
            rejected=rejected_rows,
            problem=problem or "",
        )
    )
    actions = [
        ImportJob.status.set(status),
        ImportJob.created.set(outcome.created),
        ImportJob.updated.set(outcome.updated),
        ImportJob.unchanged.set(outcome.unchanged),
        ImportJob.rejected.set(rejected_rows),
        ImportJob.rows_done.set(total),
        ImportJob.finished_at.set(now),
    ]
    if problem:
        actions.append(ImportJob.problem.set(problem))
    if report:
        actions.append(ImportJob.report_key.set(report))
    changes.update_key(ImportJob, (job.PK, job.SK), actions, label="job")
    _release_lock(changes, job)
    changes.commit()
    if not problem and outcome.created + outcome.updated + outcome.unchanged:
        freshness.mark_updated(job.tenant_id, (job.kind,), now)
    return status


def _release_lock(changes: Changes, job: ImportJob) -> None:
    changes.delete(
        ImportLock(*ImportLock.keys_for(job.tenant_id, job.kind)),
        label="lock",
        condition=ImportLock.PK.does_not_exist() | (ImportLock.import_id == job.import_id),
    )
