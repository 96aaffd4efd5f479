"""GET /api/imports/<import_id>: how an import is going, as JSON, for the ERP that pushed it (with its key)."""

from portside.imports.jobs import get_import
from portside.imports.keys import key_of
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import json_body

endpoint = Endpoint(__name__, read_key=key_of)


@endpoint
def status(request: PortalRequest) -> Response:
    job = get_import(request.tenant, request.path_param("kind_or_id"))
    return json_body(
        {
            "import_id": job.import_id,
            "kind": job.kind,
            "status": job.status,
            "rows_total": int(job.rows_total),
            "rows_done": int(job.rows_done),
            "created": int(job.created),
            "updated": int(job.updated),
            "unchanged": int(job.unchanged),
            "rejected": int(job.rejected),
            "problem": job.problem,
            "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        }
    )


handler = endpoint.handler
