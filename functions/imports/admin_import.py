"""GET /admin/imports/<import_id>: one import; held for four eyes, the changes it waits to make, and the decision."""

from portside.imports.pages import RUN_TEMPLATE, import_run_context
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_import(request: PortalRequest) -> Response:
    return page(request, RUN_TEMPLATE, values={}, errors={}, error=None, **import_run_context(request))


handler = endpoint.handler
