"""POST /admin/documents: create a document space (audited); a refused form is shown again on its page."""

from portside.documents.forms import SpaceForm
from portside.documents.space_form import TEMPLATE, form_context, posted_space
from portside.documents.spaces import create_space
from portside.errors import InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE}, error_context=form_context)


@endpoint
def create(request: PortalRequest) -> Response:
    _, fields = posted_space(request, SpaceForm)
    create_space(request.tenant, fields, request.admin.actor, request.client)
    return redirect("/admin/documents?notice=created")


handler = endpoint.handler
