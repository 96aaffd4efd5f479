"""POST /admin/contacts/<id>/end-sessions: sign the contact out everywhere, now."""

from aws_lambda_powertools.event_handler import Response

from portside.domain.contacts import end_sessions, get_contact
from portside.web.endpoint import Endpoint
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def end_all(request: PortalRequest) -> Response:
    contact = get_contact(request.tenant, request.path_param("contact_id"))
    end_sessions(request.tenant, contact.contact_id, request.admin.actor, request.client)
    return redirect(f"/admin/partners/{contact.partner_id}?notice=sessions")


handler = endpoint.handler
