"""POST /admin/partners/<id>: save the partner's details, unless someone saved since the form was read."""

from portside.errors import Conflict, InvalidInput
from portside.partners.directory import STATUSES, PartnerFields, update_partner
from portside.partners.forms import PartnerDetailsForm
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

FORM = "partners/admin_partner_form.html"
endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: FORM, Conflict: FORM},
    error_context=lambda request: {"statuses": STATUSES, "partner_id": request.path_param("partner_id")},
)


@endpoint
def update(request: PortalRequest) -> Response:
    partner_id = request.path_param("partner_id")
    form = parse_form(PartnerDetailsForm, request.form)
    fields = PartnerFields(form.name, form.tier, form.territory, form.status)
    update_partner(request.tenant, partner_id, form.version, fields, request.admin.actor, request.client)
    return redirect(f"/admin/partners/{partner_id}?notice=updated")


handler = endpoint.handler
