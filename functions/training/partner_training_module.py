"""GET /partners/training/<id>: a module's description, the contact's standing and last result, and its quiz."""

from portside.training.pages import module_page
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_module(request: PortalRequest) -> Response:
    return module_page(request)


handler = endpoint.handler
