"""GET /partners/orders/<order number>: one of the partner's orders with its lines, ETA, tracking and history."""

from portside.lookups.freshness import updated_at
from portside.lookups.orders import get_order
from portside.lookups.views import OrderView
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_order(request: PortalRequest) -> Response:
    order = get_order(request.tenant, request.partner.partner_id, request.path_param("order_number"))
    return page(
        request,
        "lookups/partner_order.html",
        order=OrderView.of(order),
        updated=updated_at(request.tenant.tenant_id, "orders"),
    )


handler = endpoint.handler
