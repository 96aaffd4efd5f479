"""GET /admin/imports/<import_id>/held.csv: every change a held run would make past four eyes, for a minute."""

from portside.imports.jobs import held_link
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def held_list(request: PortalRequest) -> Response:
    return redirect(held_link(request.tenant, request.path_param("import_id")))


handler = endpoint.handler
