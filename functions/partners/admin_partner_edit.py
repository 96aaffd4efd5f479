"""GET /admin/partners/<id>/edit: the partner's details, with the version they were read at."""

from portside.partners.directory import STATUSES, get_partner
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_form(request: PortalRequest) -> Response:
    partner = get_partner(request.tenant, request.path_param("partner_id"))
    values = {
        "name": partner.name,
        "tier": partner.tier or "",
        "territory": partner.territory or "",
        "status": partner.status,
        "version": str(partner.version),
    }
    return page(
        request,
        "partners/admin_partner_form.html",
        partner_id=partner.partner_id,
        statuses=STATUSES,
        values=values,
        errors={},
        error=None,
    )


handler = endpoint.handler
