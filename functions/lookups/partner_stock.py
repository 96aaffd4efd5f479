"""GET /partners/stock: availability of products found by the start of their SKU or name."""

from portside.lookups.freshness import updated_at
from portside.lookups.stock import look_up
from portside.lookups.views import ProductView
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_stock(request: PortalRequest) -> Response:
    wanted = (request.query("q") or "").strip()[:100]
    exact = bool(request.tenant.stock_quantities_shown)
    return page(
        request,
        "lookups/partner_stock.html",
        products=[ProductView.of(product, exact) for product in look_up(request.tenant, wanted)] if wanted else [],
        wanted=wanted,
        exact=exact,
        updated=updated_at(request.tenant.tenant_id, "stock"),
    )


handler = endpoint.handler
