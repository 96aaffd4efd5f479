"""GET /admin/training/new: a new module's form (it is saved as a draft)."""

from portside.training.module_pages import module_form_page
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_form(request: PortalRequest) -> Response:
    return module_form_page(request, None)


handler = endpoint.handler
