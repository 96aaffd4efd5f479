"""GET /admin/imports/templates/<kind>.csv: the columns a kind's file must have, with an example row."""

from portside.imports.jobs import template_csv
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def template(request: PortalRequest) -> Response:
    kind = request.path_param("kind")
    body = template_csv(kind)
    return Response(
        status_code=200,
        content_type="text/csv; charset=utf-8",
        body=body,
        headers={"Content-Disposition": f'attachment; filename="{kind}-template.csv"'},
    )


handler = endpoint.handler
