"""GET /admin/sign-in-groups: the identity provider groups that open the console, and the owner's forms."""

from portside.admins.group_pages import TEMPLATE, groups_context
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_groups(request: PortalRequest) -> Response:
    return page(request, TEMPLATE, values={"role": "auditor"}, errors={}, error=None, **groups_context(request))


handler = endpoint.handler
