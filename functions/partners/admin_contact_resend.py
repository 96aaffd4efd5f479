"""POST /admin/contacts/<id>/resend-invite: a fresh invite link; the old one stops working."""

from portside.partners.invites import resend_invite
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def resend(request: PortalRequest) -> Response:
    contact = resend_invite(request.tenant, request.path_param("contact_id"), request.admin.actor, request.client)
    return redirect(f"/admin/partners/{contact.partner_id}?notice=resent")


handler = endpoint.handler
