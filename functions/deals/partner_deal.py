"""GET /partners/deals/<id>: one of the partner's deals; another partner's id is "not found"."""

from portside.deals.following import deal_for, partner_view
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_deal(request: PortalRequest) -> Response:
    deal = deal_for(request.tenant, request.partner, request.path_param("deal_id"))
    return page(
        request,
        "deals/partner_deal.html",
        deal=partner_view(deal),
        submitted=request.query("notice") == "submitted",
        can_ask=request.partner.may("questions", "ask"),
    )


handler = endpoint.handler
