"""GET /admin/settings/branding: the tenant's name, logo, primary colour and footer (owner only)."""

from portside.settings.brand_pages import brand_page
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.tenants import fresh_tenant

endpoint = Endpoint(__name__)
NOTICES = {"saved": "Brand saved. Pages show it within a minute; mails at once."}


@endpoint
def show_branding(request: PortalRequest) -> Response:
    tenant = fresh_tenant(request.tenant.tenant_id)
    return brand_page(
        request,
        "/admin/settings/branding",
        tenant.brand,
        int(tenant.version or 0),
        title="Branding",
        partner=None,
        notice=NOTICES.get(request.query("notice") or ""),
    )


handler = endpoint.handler
