"""GET /admin/admins: every admin of the tenant with role, sign-in, status and last sign-in; the owner's forms."""

from portside.admins.pages import TEMPLATE, admins_context
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_admins(request: PortalRequest) -> Response:
    values = {"role": "ops", "sign_in": "password"}
    return page(request, TEMPLATE, values=values, errors={}, error=None, **admins_context(request))


handler = endpoint.handler
