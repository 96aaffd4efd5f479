"""GET /admin/help/roles: who may do what, rendered from the permission matrix itself."""

from portside.auth.role_table import role_tables
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_roles(request: PortalRequest) -> Response:
    return page(request, "access_review/admin_roles.html", tables=role_tables())


handler = endpoint.handler
