"""GET /admin/training/report.csv: the training report as CSV, a part at a time (``Link: rel=next``)."""

from urllib.parse import urlencode

from portside.training.forms import ReportFilter
from portside.training.report import report_csv
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def export(request: PortalRequest) -> Response:
    wanted = parse_form(ReportFilter, request.query_params)
    body, rest = report_csv(request.tenant, wanted.partner, wanted.module, request.query("cursor"))
    headers = {"Content-Disposition": 'attachment; filename="training-report.csv"'}
    if rest:
        more = urlencode({"partner": wanted.partner or "", "module": wanted.module or "", "cursor": rest})
        headers["Link"] = f'</admin/training/report.csv?{more}>; rel="next"'
    return Response(status_code=200, content_type="text/csv; charset=utf-8", body=body, headers=headers)


handler = endpoint.handler
