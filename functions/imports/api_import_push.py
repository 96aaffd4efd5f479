"""POST /api/imports/<kind>: an ERP pushes rows as JSON with its import key; 202 and where to follow the import.

``{"rows": [{"sku": "NW-SRV-1001", "available": 25, ...}, ...]}``: each row an object of the kind's
columns (those left out are empty). The rows go the way an uploaded file goes: the import worker
checks and applies them, and ``GET /api/imports/<id>`` says how it went.
"""

from portside.auth.principal import ImportKeyPrincipal
from portside.errors import Forbidden, InvalidInput, TooLarge
from portside.imports.columns import COLUMNS
from portside.imports.jobs import require_kind, start_pushed
from portside.imports.keys import key_of
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.json_input import read_json
from portside.web.request import PortalRequest
from portside.web.responses import json_body

endpoint = Endpoint(__name__, read_key=key_of)
MAX_BODY_BYTES = 5 * 1024 * 1024  # under Lambda's 6 MB request payload
MAX_ROWS = 50_000
SHAPE = 'Send {"rows": [{"column": "value", ...}, ...]} with the kind\'s columns (see its template).'


def _rows(kind: str, body: bytes) -> list[dict[str, str]]:
    payload = read_json(body, SHAPE)
    rows = payload.get("rows") if isinstance(payload, dict) else None
    if not isinstance(rows, list) or not 1 <= len(rows) <= MAX_ROWS:
        raise InvalidInput({"rows": f"Send between 1 and {MAX_ROWS:,} rows. {SHAPE}"})
    known, cleaned = set(COLUMNS[kind]), []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not set(row) <= known:
            unknown = sorted(set(row) - known) if isinstance(row, dict) else []
            raise InvalidInput({"rows": f"Row {number} is not an object of {kind} columns (unknown: {unknown})."})
        if not all(isinstance(value, str | int | float) or value is None for value in row.values()):
            raise InvalidInput({"rows": f"Row {number} has a value that is not text, a number or null."})
        cleaned.append({name: "" if value is None else str(value) for name, value in row.items()})
    return cleaned


@endpoint
def push(request: PortalRequest) -> Response:
    kind = require_kind(request.path_param("kind_or_id"))
    body = request.body_bytes
    if len(body) > MAX_BODY_BYTES:
        raise TooLarge(f"{len(body)} bytes")
    principal = request.principal
    assert isinstance(principal, ImportKeyPrincipal)  # the guard let only a key through
    if kind not in principal.kinds:
        raise Forbidden(f"import key {principal.key_id} may not push {kind}")
    job = start_pushed(request.tenant, kind, _rows(kind, body), principal.actor, request.client)
    status_url = f"/api/imports/{job.import_id}"
    response = json_body({"import_id": job.import_id, "status": job.status, "status_url": status_url}, status=202)
    response.headers["Location"] = status_url
    return response


handler = endpoint.handler
