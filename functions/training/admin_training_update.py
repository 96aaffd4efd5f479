"""POST /admin/training/<id>: save a module; a published module's changed quiz becomes its next version."""

from portside.errors import InvalidInput
from portside.training.authoring import ModuleChanged, update_module
from portside.training.forms import ModuleForm
from portside.training.module_pages import TEMPLATE, edit_context, module_input
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE, ModuleChanged: TEMPLATE}, error_context=edit_context)


@endpoint
def update(request: PortalRequest) -> Response:
    module_id = request.path_param("module_id")
    version = parse_form(ModuleForm, request.form).version
    saved = update_module(
        request.tenant, module_id, version, module_input(request.form), request.admin.actor, request.client
    )
    return redirect(f"/admin/training/{module_id}?notice={saved}")


handler = endpoint.handler
