"""GET /admin/documents/<space_id>: a space's documents, and for owner and ops the upload form and its save step."""

from portside.documents.space_page import space_page
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_space(request: PortalRequest) -> Response:
    return space_page(request)


handler = endpoint.handler
