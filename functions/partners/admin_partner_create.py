"""POST /admin/partners: create a partner; bad input shows the form again, with a message per field."""

from portside.errors import InvalidInput
from portside.partners.directory import STATUSES, PartnerFields, create_partner
from portside.partners.forms import PartnerForm
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: "partners/admin_partner_form.html"},
    error_context=lambda _request: {"statuses": STATUSES, "partner_id": None},
)


@endpoint
def create(request: PortalRequest) -> Response:
    form = parse_form(PartnerForm, request.form)
    fields = PartnerFields(form.name, form.tier, form.territory, form.status)
    partner = create_partner(request.tenant, form.partner_id, fields, request.admin.actor, request.client)
    return redirect(f"/admin/partners/{partner.partner_id}?notice=created")


handler = endpoint.handler
