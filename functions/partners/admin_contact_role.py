"""POST /admin/contacts/<id>/role: a new role, applied at once (the contact's sessions end)."""

from portside.partners.contacts import change_role, get_contact
from portside.partners.forms import ContactRoleForm
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def set_role(request: PortalRequest) -> Response:
    contact = get_contact(request.tenant, request.path_param("contact_id"))
    form = parse_form(ContactRoleForm, request.form)
    change_role(request.tenant, contact.contact_id, form.role, form.version, request.admin.actor, request.client)
    return redirect(f"/admin/partners/{contact.partner_id}?notice=role")


handler = endpoint.handler
