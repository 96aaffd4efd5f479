"""POST /admin/sign-in-groups: map an identity provider group to an admin role (replacing its earlier one)."""

from portside.admins.forms import GroupRoleForm
from portside.admins.group_pages import TEMPLATE, groups_context
from portside.admins.group_roles import map_group
from portside.errors import InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE}, error_context=groups_context)


@endpoint
def map_one(request: PortalRequest) -> Response:
    form = parse_form(GroupRoleForm, request.form)
    map_group(request.tenant, form.group, form.role, request.admin.actor, request.client)
    return redirect("/admin/sign-in-groups?notice=mapped")


handler = endpoint.handler
