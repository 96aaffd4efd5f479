"""GET /admin/documents/new: the form for a new document space."""

from portside.documents.space_form import space_form_page
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_form(request: PortalRequest) -> Response:
    return space_form_page(request, {"partners": "all", "roles": "principal,salesperson,technical"})


handler = endpoint.handler
