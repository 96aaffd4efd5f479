"""POST /admin/partners/<id>/contacts: create the contact (status invited) and mail a 7-day invite link."""

from portside.errors import InvalidInput
from portside.partners.forms import InviteForm
from portside.partners.invites import invite_contact
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: "partners/admin_contact_new.html"},
    error_context=lambda request: {"partner_id": request.path_param("partner_id"), "partner_name": None},
)


@endpoint
def create(request: PortalRequest) -> Response:
    partner_id = request.path_param("partner_id")
    form = parse_form(InviteForm, request.form)
    invite_contact(request.tenant, partner_id, form.email, form.name, form.role, request.admin.actor, request.client)
    return redirect(f"/admin/partners/{partner_id}?notice=invited")


handler = endpoint.handler
