"""GET /admin/training/<id>: a module's form with its current quiz, and publish or retire (read-only to auditors)."""

from portside.training.authoring import get_module
from portside.training.module_pages import module_form_page
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_module(request: PortalRequest) -> Response:
    return module_form_page(request, get_module(request.tenant, request.path_param("module_id")))


handler = endpoint.handler
