"""GET /admin/imports/<import_id>/rejected.csv: an import's rejected rows (line, column, reason), for a minute."""

from portside.imports.jobs import report_link
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def report(request: PortalRequest) -> Response:
    return redirect(report_link(request.tenant, request.path_param("import_id")))


handler = endpoint.handler
