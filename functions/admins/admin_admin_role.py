"""POST /admin/admins/<email>/role: change an admin's role; their sessions end (the last owner stays an owner)."""

from urllib.parse import unquote

from portside.admins.forms import AdminRoleForm
from portside.admins.managing import LastOwner, change_role
from portside.admins.pages import TEMPLATE, admins_context
from portside.errors import Conflict, InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: TEMPLATE, LastOwner: TEMPLATE, Conflict: TEMPLATE},
    error_context=admins_context,
)


@endpoint
def set_role(request: PortalRequest) -> Response:
    role = parse_form(AdminRoleForm, request.form).role
    email = unquote(request.path_param("email"))  # the path carries it percent-encoded (%40)
    change_role(request.tenant, email, role, request.admin.actor, request.client)
    return redirect("/admin/admins?notice=role")


handler = endpoint.handler
