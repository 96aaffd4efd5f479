"""GET /admin/orders/<partner_id>/<order number>: one order with everything the ERP sent, hidden fields too."""

from portside.lookups.orders import get_order
from portside.lookups.views import STATUS_LABELS, tracking_url
from portside.partners.directory import get_partner
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_order(request: PortalRequest) -> Response:
    partner = get_partner(request.tenant, request.path_param("partner_id"))
    order = get_order(request.tenant, partner.partner_id, request.path_param("order_number"))
    return page(
        request,
        "lookups/admin_order.html",
        partner=partner,
        order=order,
        status_label=STATUS_LABELS.get(order.status, order.status),
        tracking=tracking_url(order.carrier, order.tracking_number),
        history=sorted(order.history or [], key=lambda event: event.at, reverse=True),
    )


handler = endpoint.handler
