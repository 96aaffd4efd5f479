"""GET /admin/orders: a partner's orders as the ERP sent them, the company's own fields included (read-only)."""

from portside.lookups.freshness import updated_at
from portside.lookups.orders import orders_page, search_orders
from portside.lookups.views import OrderRow
from portside.partners.directory import partner_choices
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_orders(request: PortalRequest) -> Response:
    partners = partner_choices(request.tenant)
    chosen = next((partner for partner in partners if partner.partner_id == request.query("partner")), None)
    wanted = (request.query("q") or "").strip()[:64]
    show_all = request.query("show") == "all"
    found, cursor = [], None
    if chosen is not None and wanted:
        found = search_orders(request.tenant, chosen.partner_id, wanted)
    elif chosen is not None:
        listed = orders_page(request.tenant, chosen.partner_id, open_only=not show_all, cursor=request.query("cursor"))
        found, cursor = [OrderRow.of(order) for order in listed.items], listed.cursor
    return page(
        request,
        "lookups/admin_orders.html",
        partners=partners,
        chosen=chosen,
        orders=found,
        next_cursor=cursor,
        wanted=wanted,
        show_all=show_all,
        updated=updated_at(request.tenant.tenant_id, "orders"),
    )


handler = endpoint.handler
