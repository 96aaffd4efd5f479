"""POST /admin/sign-in-groups/mode: admins sign in through the identity provider only, or beside passwords."""

from portside.admins.forms import SsoModeForm
from portside.admins.group_pages import TEMPLATE, groups_context
from portside.admins.group_roles import set_sso_only
from portside.errors import Conflict, InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE, Conflict: TEMPLATE}, error_context=groups_context)


@endpoint
def choose_mode(request: PortalRequest) -> Response:
    form = parse_form(SsoModeForm, request.form)
    set_sso_only(request.tenant.tenant_id, form.sso_only, form.version, request.admin.actor, request.client)
    return redirect("/admin/sign-in-groups?notice=mode")


handler = endpoint.handler
