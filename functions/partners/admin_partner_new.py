"""GET /admin/partners/new: the form for a new partner."""

from portside.partners.directory import STATUSES
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_form(request: PortalRequest) -> Response:
    return page(
        request,
        "partners/admin_partner_form.html",
        partner_id=None,
        statuses=STATUSES,
        values={},
        errors={},
        error=None,
    )


handler = endpoint.handler
