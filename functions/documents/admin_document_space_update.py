"""POST /admin/documents/<space_id>/edit: save a document space, unless someone saved it since the form was read."""

from portside.documents.forms import SpaceEditForm
from portside.documents.space_form import TEMPLATE, form_context, posted_space
from portside.documents.spaces import get_space, update_space
from portside.errors import Conflict, InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: TEMPLATE, Conflict: TEMPLATE},
    # The space must exist for its form to be shown again: an unknown one is a 404, not a form.
    error_context=lambda request: form_context(
        request, get_space(request.tenant, request.path_param("space_id")).space_id
    ),
)


@endpoint
def update(request: PortalRequest) -> Response:
    space_id = request.path_param("space_id")
    form, fields = posted_space(request, SpaceEditForm)
    update_space(request.tenant, space_id, form.version, fields, request.admin.actor, request.client)
    return redirect("/admin/documents?notice=updated")


handler = endpoint.handler
