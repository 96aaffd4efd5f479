"""GET /partners/prices: the partner's own price list valid today, by SKU, a page at a time."""

from portside.lookups.freshness import updated_at
from portside.lookups.prices import price_page, today_for
from portside.lookups.views import PriceView
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_prices(request: PortalRequest) -> Response:
    wanted = (request.query("sku") or "").strip()[:64]
    listed = price_page(
        request.tenant,
        request.partner.partner_id,
        today_for(request.tenant),
        sku_start=wanted,
        cursor=request.query("cursor"),
    )
    return page(
        request,
        "lookups/partner_prices.html",
        prices=[PriceView.of(entry) for entry in listed.entries],
        next_cursor=listed.cursor,
        wanted=wanted,
        can_export=request.partner.may("prices", "export"),
        can_request=request.partner.may("pricing_requests", "submit"),
        updated=updated_at(request.tenant.tenant_id, "prices"),
    )


handler = endpoint.handler
