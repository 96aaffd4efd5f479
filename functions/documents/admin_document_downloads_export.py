"""GET /admin/documents/<space_id>/<document_id>/downloads.csv: a document's downloads, newest first, as CSV."""

from urllib.parse import quote

from portside.documents.downloads import downloads_csv
from portside.documents.library import document_in_space
from portside.documents.spaces import get_space
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def export(request: PortalRequest) -> Response:
    space = get_space(request.tenant, request.path_param("space_id"))
    document = document_in_space(request.tenant, space.space_id, request.path_param("document_id"))
    body, rest = downloads_csv(request.tenant, document.document_id, request.query("cursor"))
    headers = {"Content-Disposition": 'attachment; filename="downloads.csv"'}
    if rest:  # the next rows, for a client that follows the Link header
        path = f"/admin/documents/{space.space_id}/{document.document_id}/downloads.csv"
        headers["Link"] = f'<{path}?cursor={quote(rest)}>; rel="next"'
    return Response(status_code=200, content_type="text/csv; charset=utf-8", body=body, headers=headers)


handler = endpoint.handler
