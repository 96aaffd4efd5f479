"""POST /admin/training/<id>/state: publish a draft or a retired module, or retire a published one."""

from portside.errors import InvalidInput
from portside.training.authoring import ModuleChanged, move_module
from portside.training.forms import ModuleMoveForm
from portside.training.module_pages import TEMPLATE, edit_context
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE, ModuleChanged: TEMPLATE}, error_context=edit_context)


@endpoint
def move(request: PortalRequest) -> Response:
    module_id = request.path_param("module_id")
    form = parse_form(ModuleMoveForm, request.form)
    move_module(request.tenant, module_id, form.version, form.state, request.admin.actor, request.client)
    return redirect(f"/admin/training/{module_id}?notice={form.state}")


handler = endpoint.handler
