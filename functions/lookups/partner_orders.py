"""GET /partners/orders: the partner's orders, newest first (open ones unless ``show=all``), or found by number."""

from portside.lookups.freshness import updated_at
from portside.lookups.orders import orders_page, search_orders
from portside.lookups.views import OrderRow
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_orders(request: PortalRequest) -> Response:
    partner_id = request.partner.partner_id
    wanted = (request.query("q") or "").strip()[:64]
    show_all = request.query("show") == "all"
    if wanted:
        found, cursor = search_orders(request.tenant, partner_id, wanted), None
    else:
        listed = orders_page(request.tenant, partner_id, open_only=not show_all, cursor=request.query("cursor"))
        found, cursor = [OrderRow.of(order) for order in listed.items], listed.cursor
    return page(
        request,
        "lookups/partner_orders.html",
        orders=found,
        next_cursor=cursor,
        wanted=wanted,
        show_all=show_all,
        updated=updated_at(request.tenant.tenant_id, "orders"),
    )


handler = endpoint.handler
