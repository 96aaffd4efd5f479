"""GET /partners/deals: the partner's deal registrations and their state, newest first; ``?state=`` shows one."""

from portside.deals.following import STATE_LABELS, deals_for, partner_view
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_deals(request: PortalRequest) -> Response:
    state = request.query("state") if request.query("state") in STATE_LABELS else None
    listed = deals_for(request.tenant, request.partner, request.query("cursor"), state)
    return page(
        request,
        "deals/partner_deals.html",
        deals=[partner_view(deal) for deal in listed.items],
        next_cursor=listed.cursor,
        state=state,
        states=STATE_LABELS,
        can_submit=request.partner.may("deals", "submit"),
    )


handler = endpoint.handler
