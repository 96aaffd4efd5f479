"""POST /admin/training: save a new module, as a draft."""

from portside.errors import InvalidInput
from portside.training.authoring import create_module
from portside.training.module_pages import TEMPLATE, create_context, module_input
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE}, error_context=create_context)


@endpoint
def create(request: PortalRequest) -> Response:
    module = create_module(request.tenant, module_input(request.form), request.admin.actor, request.client)
    return redirect(f"/admin/training/{module.module_id}?notice=created")


handler = endpoint.handler
