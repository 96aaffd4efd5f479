"""GET /brand/logo/<id>: a published logo of the host's tenant (never another tenant's), cacheable for a day."""

from portside.settings.branding import published_logo
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_logo(request: PortalRequest) -> Response:
    body, content_type = published_logo(request.tenant.tenant_id, request.path_param("logo_id"))
    # A logo id is never reused for other bytes: a new logo gets a new id, so caching is safe.
    return Response(
        status_code=200,
        content_type=content_type,
        body=body,
        headers={"Cache-Control": "public, max-age=86400, immutable"},
    )


handler = endpoint.handler
