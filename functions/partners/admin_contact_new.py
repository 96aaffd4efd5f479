"""GET /admin/partners/<id>/contacts/new: name, email and role of a new contact, who is mailed an invite."""

from portside.partners.directory import get_partner
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_form(request: PortalRequest) -> Response:
    partner = get_partner(request.tenant, request.path_param("partner_id"))
    return page(
        request,
        "partners/admin_contact_new.html",
        partner_id=partner.partner_id,
        partner_name=partner.name,
        values={},
        errors={},
        error=None,
    )


handler = endpoint.handler
