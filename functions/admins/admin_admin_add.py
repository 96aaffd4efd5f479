"""POST /admin/admins: add an admin (a pool user mailed a temporary password, or a federated membership)."""

from portside.admins.forms import AdminAddForm
from portside.admins.managing import add_member
from portside.admins.pages import TEMPLATE, admins_context
from portside.config import settings
from portside.errors import InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE}, error_context=admins_context)


@endpoint
def add(request: PortalRequest) -> Response:
    form = parse_form(AdminAddForm, request.form)
    federated = form.sign_in == "federated"
    pool = settings().admin_pool_id
    add_member(request.tenant, pool, form.email, form.role, federated, request.admin.actor, request.client)
    return redirect("/admin/admins?notice=added")


handler = endpoint.handler
