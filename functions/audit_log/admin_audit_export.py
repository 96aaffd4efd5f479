"""GET /admin/audit/export: the filtered audit log as CSV, a page of rows at a time; the export is itself audited."""

from urllib.parse import urlencode

from portside.audit_log.forms import AuditFilterForm
from portside.audit_log.reading import AuditFilter, export_csv
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def export(request: PortalRequest) -> Response:
    form = parse_form(AuditFilterForm, request.query_params)
    wanted = AuditFilter(form.actor, form.action, form.target, form.since, form.until)
    body, rest = export_csv(request.tenant, wanted, request.query("cursor"), request.admin.actor, request.client)
    headers = {"Content-Disposition": 'attachment; filename="audit-log.csv"'}
    if rest:  # the next rows, for a client that follows the Link header
        headers["Link"] = f'</admin/audit/export?{urlencode({**wanted.as_query(), "cursor": rest})}>; rel="next"'
    return Response(status_code=200, content_type="text/csv; charset=utf-8", body=body, headers=headers)


handler = endpoint.handler
