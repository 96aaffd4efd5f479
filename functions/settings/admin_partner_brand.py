"""GET /admin/partners/<id>/brand: the partner's white-label override, seen by its contacts instead of ours."""

from portside.partners.directory import get_partner
from portside.settings.brand_pages import brand_page
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)
NOTICES = {
    "saved": "Brand override saved. The partner's contacts see it within a minute.",
    "cleared": "Override removed: the partner's contacts see the tenant's brand.",
}


@endpoint
def show_partner_brand(request: PortalRequest) -> Response:
    partner = get_partner(request.tenant, request.path_param("partner_id"))
    return brand_page(
        request,
        f"/admin/partners/{partner.partner_id}/brand",
        partner.brand_override,
        int(partner.version or 0),
        title=f"Brand of {partner.name}",
        partner=partner,
        notice=NOTICES.get(request.query("notice") or ""),
    )


handler = endpoint.handler
