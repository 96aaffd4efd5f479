"""GET /partners/dashboard: who is signed in, for which partner, and what needs attention."""

from portside.dashboard.pages import dashboard_for
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest
from portside.web.tenants import brand_for

endpoint = Endpoint(__name__)


@endpoint
def show_dashboard(request: PortalRequest) -> Response:
    view = dashboard_for(request.tenant, request.partner)
    sees_orders = request.partner.may("orders", "view")
    return page(
        request,
        "dashboard/partner_dashboard.html",
        brand=brand_for(request.tenant, view.partner),
        view=view,
        can_register_deals=request.partner.may("deals", "submit"),
        can_ask=request.partner.may("questions", "ask"),
        can_train=request.partner.may("training", "view"),
        order_changes=view.order_changes if sees_orders else None,
    )


handler = endpoint.handler
