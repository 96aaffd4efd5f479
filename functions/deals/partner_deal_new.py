"""GET /partners/deals/new: the registration form, named by a fresh submission id (one deal per form).

Where the tenant makes registering need a current certificate, a contact without one is shown the
module to take instead of the form.
"""

import uuid

from portside.training.rights import missing_gate
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_form(request: PortalRequest) -> Response:
    gate = missing_gate(request.tenant, request.partner, request.tenant.deal_registration_module)
    values = {"submission_id": uuid.uuid4().hex}
    return page(request, "deals/partner_deal_new.html", values=values, errors={}, error=None, needs=gate)


handler = endpoint.handler
