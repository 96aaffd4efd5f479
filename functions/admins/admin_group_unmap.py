"""POST /admin/sign-in-groups/remove: a group no longer opens the console (from its members' next sign-in)."""

from portside.admins.forms import GroupForm
from portside.admins.group_pages import TEMPLATE, groups_context
from portside.admins.group_roles import unmap_group
from portside.errors import InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE}, error_context=groups_context)


@endpoint
def unmap_one(request: PortalRequest) -> Response:
    form = parse_form(GroupForm, request.form)
    unmap_group(request.tenant, form.group, request.admin.actor, request.client)
    return redirect("/admin/sign-in-groups?notice=unmapped")


handler = endpoint.handler
