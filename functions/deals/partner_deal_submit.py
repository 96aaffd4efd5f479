"""POST /partners/deals: register a deal; bad input shows the form again with a message per field."""

from portside.deals.forms import DealForm
from portside.deals.registering import DealInput, submit_deal
from portside.errors import InvalidInput
from portside.training.rights import require_certificate
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__, error_pages={InvalidInput: "deals/partner_deal_new.html"}, error_context=lambda _: {"needs": None}
)


@endpoint
def submit(request: PortalRequest) -> Response:
    require_certificate(request.tenant, request.partner, request.tenant.deal_registration_module)
    form = parse_form(DealForm, request.form)
    details = DealInput(
        form.customer_name, form.customer_domain, form.title, form.amount, form.close_date, form.description
    )
    deal = submit_deal(request.tenant, request.partner, form.submission_id, details, request.client)
    return redirect(f"/partners/deals/{deal.deal_id}?notice=submitted")


handler = endpoint.handler
