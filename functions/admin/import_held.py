"""GET /admin/imports/<import_id>/held.csv: every change a held run would make past four eyes, for a minute."""

from portside.domain.imports import get_import
from portside.errors import NotFound
from portside.storage.imports import report_url
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def held_list(request: PortalRequest) -> Response:
    job = get_import(request.tenant, request.path_param("import_id"))
    if not job.held_key:
        raise NotFound(f"held changes of import {job.import_id}")
    return redirect(report_url(job.held_key, f"{job.kind}-held-changes.csv"))


handler = endpoint.handler
