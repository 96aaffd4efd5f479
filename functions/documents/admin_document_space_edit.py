"""GET /admin/documents/<space_id>/edit: a document space's name and who may see it, with the version read."""

from portside.documents.space_form import space_form_page, space_values
from portside.documents.spaces import get_space
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_form(request: PortalRequest) -> Response:
    space = get_space(request.tenant, request.path_param("space_id"))
    return space_form_page(request, space_values(space), space.space_id)


handler = endpoint.handler
