"""GET /favicon.ico: the tenant's own logo (by a redirect), or its initial on its colour; cached for an hour."""

from portside.settings.favicon import initial_icon, own_logo
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)
CACHED = {"Cache-Control": "public, max-age=3600"}  # a new logo shows in tabs within the hour


@endpoint
def show_favicon(request: PortalRequest) -> Response:
    brand = request.tenant.brand
    logo = own_logo(brand)
    if logo is not None:
        return Response(status_code=302, headers={**CACHED, "Location": logo}, body="")
    return Response(status_code=200, content_type="image/svg+xml", body=initial_icon(brand), headers=CACHED)


handler = endpoint.handler
