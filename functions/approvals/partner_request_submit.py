"""POST /partners/requests: make a pricing or credit request; bad input shows the form again, per field."""

from portside.approvals.asking import (
    CreditLimitAsk,
    SpecialPriceAsk,
    request_credit_limit,
    request_special_price,
)
from portside.approvals.forms import CreditLimitForm, RequestTypeForm, SpecialPriceForm
from portside.approvals.partner_pages import TEMPLATE, refused_request_context
from portside.errors import InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE}, error_context=refused_request_context)


@endpoint
def submit(request: PortalRequest) -> Response:
    kind = parse_form(RequestTypeForm, request.form).request_type
    tenant, principal = request.tenant, request.partner
    if kind == "special_price":
        price = parse_form(SpecialPriceForm, request.form)
        ask = SpecialPriceAsk(
            price.sku, price.quantity, price.requested_price, price.deal_id, price.valid_until, price.reason
        )
        made = request_special_price(tenant, principal, price.submission_id, ask, request.client)
    else:
        credit = parse_form(CreditLimitForm, request.form)
        asked = CreditLimitAsk(credit.requested_limit, credit.reason, credit.attachment)
        made = request_credit_limit(tenant, principal, credit.submission_id, asked, request.client)
    return redirect(f"/partners/requests/{made.request_id}?notice=submitted")


handler = endpoint.handler
