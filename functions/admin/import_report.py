"""GET /admin/imports/<import_id>/rejected.csv: an import's rejected rows (line, column, reason), for a minute."""

from portside.domain.imports import get_import
from portside.errors import NotFound
from portside.storage.imports import report_url
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def report(request: PortalRequest) -> Response:
    job = get_import(request.tenant, request.path_param("import_id"))
    if not job.report_key:
        raise NotFound(f"report of import {job.import_id}")
    return redirect(report_url(job.report_key, f"{job.kind}-rejected-rows.csv"))


handler = endpoint.handler
