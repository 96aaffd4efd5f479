"""Reading the audit log: filtered, newest first, a DynamoDB page at a time, and as CSV.

An actor filter reads that actor's own trail (GSI1); otherwise the tenant's log is read. Dates
narrow the key range; the action is a filter on the page read, and the target text matches part
of a target's name or id once the page's names are resolved (``names``), so a
filtered page may hold fewer rows than the page size and still have a next page.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pynamodb.attributes import UnicodeAttribute
from pynamodb.expressions.condition import Condition

from portside.audit import Client, audit_event
from portside.audit_log.names import names_for
from portside.data.changes import Changes
from portside.data.models.records import AuditEvent
from portside.data.models.tenants import Tenant
from portside.data.pages import query_page
from portside.text import spreadsheet_cell

PAGE_SIZE = 50
EXPORT_ROWS = 1000
CSV_COLUMNS = (
    "time_utc",
    "actor",
    "actor_name",
    "action",
    "target",
    "target_name",
    "client_ip",
    "user_agent",
    "details",
)


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    action: str | None = None  # an exact action, or a prefix ending in "." (``contact.``)
    target: str | None = None  # part of a target's name or id, any case
    since: date | None = None
    until: date | None = None  # inclusive

    def as_query(self) -> dict[str, str]:
        return {
            name: str(value)
            for name, value in (
                ("actor", self.actor),
                ("action", self.action),
                ("target", self.target),
                ("since", self.since),
                ("until", self.until),
            )
            if value
        }


def _day_start(day: date, zone: ZoneInfo) -> str:
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(ZoneInfo("UTC")).isoformat()


def _range(sort_key: UnicodeAttribute, wanted: AuditFilter, zone: ZoneInfo) -> Condition | None:
    """Sort keys start with the UTC time: a day range in the tenant's zone is a key range."""
    since = _day_start(wanted.since, zone) if wanted.since else None
    until = _day_start(wanted.until + timedelta(days=1), zone) if wanted.until else None
    if since and until:
        return sort_key.between(since, until)
    if since:
        return sort_key >= since
    if until:
        return sort_key < until
    return None


def _filters(wanted: AuditFilter) -> Condition | None:
    conditions = []
    if wanted.action:
        action = wanted.action
        conditions.append(AuditEvent.action.startswith(action) if action.endswith(".") else AuditEvent.action == action)
    combined: Condition | None = None
    for condition in conditions:
        combined = condition if combined is None else combined & condition
    return combined


@dataclass(frozen=True)
class LogPage:
    events: list[AuditEvent]
    names: dict[str, str]  # actor and target refs of these events -> names
    cursor: str | None


def read_log(tenant: Tenant, wanted: AuditFilter, cursor: str | None, limit: int = PAGE_SIZE) -> LogPage:
    zone = ZoneInfo(tenant.time_zone or "UTC")
    if wanted.actor:
        partition, index = AuditEvent.actor_partition(tenant.tenant_id, wanted.actor), "GSI1"
        key_range = _range(AuditEvent.GSI1SK, wanted, zone)
    else:
        partition, index = AuditEvent.partition_of(tenant.tenant_id), None
        key_range = _range(AuditEvent.SK, wanted, zone)
    page = query_page(
        AuditEvent,
        partition,
        key_range,
        index=index,
        limit=limit,
        cursor=cursor,
        newest_first=True,
        filter_condition=_filters(wanted),
    )
    names = names_for(tenant, {event.actor for event in page.items} | {event.target for event in page.items})
    text = (wanted.target or "").lower()
    events = [e for e in page.items if text in e.target.lower() or text in names.get(e.target, "").lower()]
    return LogPage(events, names, page.cursor)


def export_csv(
    tenant: Tenant, wanted: AuditFilter, cursor: str | None, actor: str, client: Client
) -> tuple[str, str | None]:
    """Up to EXPORT_ROWS rows of the filtered log as CSV, and the cursor of the rest. The export is audited."""
    page = read_log(tenant, wanted, cursor, limit=EXPORT_ROWS)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event in page.events:
        details = json.dumps(event.details.as_dict(), sort_keys=True) if event.details else ""
        writer.writerow(
            spreadsheet_cell(value)
            for value in (
                event.at.isoformat(),
                event.actor,
                page.names.get(event.actor, ""),
                event.action,
                event.target,
                page.names.get(event.target, ""),
                event.client_ip,
                event.user_agent,
                details,
            )
        )
    Changes(
        audit_event(
            tenant.tenant_id,
            actor,
            "audit_log.exported",
            "audit_log",
            client,
            rows=len(page.events),
            filters=wanted.as_query(),
        )
    ).commit()
    return out.getvalue(), page.cursor
