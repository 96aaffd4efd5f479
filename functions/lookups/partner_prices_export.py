"""GET /partners/prices.csv: the partner's price list valid today as CSV, a part at a time (``Link: rel=next``)."""

from urllib.parse import quote

from portside.lookups.prices import export_csv, today_for
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def export(request: PortalRequest) -> Response:
    day = today_for(request.tenant)
    body, rest = export_csv(request.tenant, request.partner.partner_id, day, request.query("cursor"))
    headers = {"Content-Disposition": f'attachment; filename="price-list-{day}.csv"'}
    if rest:
        headers["Link"] = f'</partners/prices.csv?cursor={quote(rest)}>; rel="next"'
    return Response(status_code=200, content_type="text/csv; charset=utf-8", body=body, headers=headers)


handler = endpoint.handler
