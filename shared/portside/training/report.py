"""The training report: each contact's standing in each published module for their role, a page at a time.

A page is a page of contacts (all of the tenant's, or one partner's), then one BatchGet of their
standings in the modules: its cost is the page's, whatever the size of the tenant. The CSV export
is the same report in larger parts (``Link: rel=next`` for the rest).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from portside import clock
from portside.data.models.contacts import Contact
from portside.data.models.tenants import Tenant
from portside.data.pages import Page, query_page
from portside.partners.directory import partner_names
from portside.text import spreadsheet_cell
from portside.training.authoring import list_modules
from portside.training.learning import Standing
from portside.training.models import TrainingModule, TrainingStatus

PAGE_SIZE = 25
EXPORT_SIZE = 200


@dataclass(frozen=True)
class ReportRow:
    contact: Contact
    partner_name: str
    standings: list[Standing | None]  # per module of the report; None: the module is not for their role


@dataclass(frozen=True)
class Report:
    modules: list[TrainingModule]
    rows: list[ReportRow]
    cursor: str | None


def _contacts(tenant: Tenant, partner_id: str | None, cursor: str | None, size: int) -> Page[Contact]:
    if partner_id:
        partition = Contact.partner_partition(tenant.tenant_id, partner_id)
        return query_page(Contact, partition, index="GSI1", limit=size, cursor=cursor)
    return query_page(Contact, Contact.tenant_partition(tenant.tenant_id), index="GSI2", limit=size, cursor=cursor)


def training_report(
    tenant: Tenant, partner_id: str | None, module_id: str | None, cursor: str | None, size: int = PAGE_SIZE
) -> Report:
    modules = [m for m in list_modules(tenant) if m.state == "published" and module_id in (None, m.module_id)]
    page = _contacts(tenant, partner_id, cursor, size)
    keys = [
        TrainingStatus.keys_for(tenant.tenant_id, contact.contact_id, module.module_id)
        for contact in page.items
        for module in modules
        if module.for_role(contact.role)
    ]
    found = {(s.contact_id, s.module_id): s for s in (TrainingStatus.batch_get(keys) if keys else [])}
    names = partner_names(tenant, {contact.partner_id for contact in page.items})
    now = clock.now()
    rows = [
        ReportRow(
            contact,
            names.get(contact.partner_id, contact.partner_id),
            [
                Standing.of(found.get((contact.contact_id, module.module_id)), now)
                if module.for_role(contact.role)
                else None
                for module in modules
            ],
        )
        for contact in page.items
    ]
    return Report(modules, rows, page.cursor)


COLUMNS = ("Partner", "Contact", "Email", "Role", "Module", "Status", "Certified until", "Last score")


def report_csv(
    tenant: Tenant, partner_id: str | None, module_id: str | None, cursor: str | None
) -> tuple[str, str | None]:
    """One part of the report as CSV, a line per contact and module for their role; and the rest's cursor."""
    report = training_report(tenant, partner_id, module_id, cursor, EXPORT_SIZE)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in report.rows:
        for module, standing in zip(report.modules, row.standings, strict=True):
            if standing is None:
                continue
            until = standing.expires_at.date().isoformat() if standing.has_certificate and standing.expires_at else ""
            cells = (
                row.partner_name,
                row.contact.name,
                row.contact.email,
                row.contact.role,
                module.title,
                standing.label,
                until,
                "" if standing.last_score is None else f"{standing.last_score}%",
            )
            writer.writerow(spreadsheet_cell(cell) for cell in cells)
    return out.getvalue(), report.cursor
