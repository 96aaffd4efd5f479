"""GET /admin/audit: who did what, filtered and paged (``/admin/audit/export`` exports the filtered rows)."""

from typing import Any
from urllib.parse import urlencode

from portside.audit_log.forms import AuditFilterForm
from portside.audit_log.names import ACTION_GROUPS, ACTIONS, actor_choices
from portside.audit_log.reading import AuditFilter, read_log
from portside.errors import InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest


def _choices(request: PortalRequest) -> dict[str, Any]:
    """What the filters offer: every admin and the automatic actors, every action and group of actions."""
    return {"actors": actor_choices(request.tenant), "actions": ACTIONS, "action_groups": ACTION_GROUPS}


endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: "audit_log/admin_audit.html"},
    # A refused filter (a day after the last, say) shows what was typed, and no "nothing recorded".
    error_context=lambda request: {
        **_choices(request),
        "log": None,
        "values": request.query_params,
        "next_link": None,
        "csv_link": None,
    },
)


@endpoint
def show_log(request: PortalRequest) -> Response:
    form = parse_form(AuditFilterForm, request.query_params)
    wanted = AuditFilter(form.actor, form.action, form.target, form.since, form.until)
    listed = read_log(request.tenant, wanted, request.query("cursor"))
    filters = wanted.as_query()
    return page(
        request,
        "audit_log/admin_audit.html",
        log=listed,
        **_choices(request),
        values=filters,
        errors={},
        error=None,
        next_link=f"/admin/audit?{urlencode({**filters, 'cursor': listed.cursor})}" if listed.cursor else None,
        csv_link=f"/admin/audit/export?{urlencode(filters)}" if request.admin.may("audit_log", "export") else None,
    )


handler = endpoint.handler
