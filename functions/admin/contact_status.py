"""POST /admin/contacts/<id>/status: disable (sessions end, links die) or enable a contact."""

from aws_lambda_powertools.event_handler import Response

from portside.domain.contacts import get_contact, set_enabled
from portside.web.endpoint import Endpoint
from portside.web.forms import ContactStatusForm, parse_form
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def set_status(request: PortalRequest) -> Response:
    contact = get_contact(request.tenant, request.path_param("contact_id"))
    form = parse_form(ContactStatusForm, request.form)
    set_enabled(request.tenant, contact.contact_id, form.enabled, form.version, request.admin.actor, request.client)
    notice = "enabled" if form.enabled else "disabled"
    return redirect(f"/admin/partners/{contact.partner_id}?notice={notice}")


handler = endpoint.handler
