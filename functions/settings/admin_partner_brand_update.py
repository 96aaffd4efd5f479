"""POST /admin/partners/<id>/brand: set the partner's brand override, or remove it."""

from portside.errors import Conflict, InvalidInput
from portside.partners.directory import get_partner
from portside.settings.branding import BrandFields, set_partner_brand
from portside.settings.forms import BrandForm
from portside.web.endpoint import Endpoint
from portside.web.forms.base import VersionForm, parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

FORM = "settings/admin_branding.html"
endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: FORM, Conflict: FORM},
    error_context=lambda request: _partner_context(request),
)


def _partner_context(request: PortalRequest) -> dict[str, object]:
    """A refused save keeps its partner: the title, the way back and the current override."""
    partner = get_partner(request.tenant, request.path_param("partner_id"))
    return {
        "form_path": f"/admin/partners/{partner.partner_id}/brand",
        "title": f"Brand of {partner.name}",
        "partner": partner,
        "current": partner.brand_override,
        "upload": None,
        "uploaded": None,
        "notice": None,
    }


@endpoint
def save(request: PortalRequest) -> Response:
    partner_id = request.path_param("partner_id")
    admin = request.admin
    if request.form.get("use_tenant_brand"):
        version = parse_form(VersionForm, request.form).version
        set_partner_brand(request.tenant, partner_id, version, None, admin.actor, request.client)
        return redirect(f"/admin/partners/{partner_id}/brand?notice=cleared")
    form = parse_form(BrandForm, request.form)
    fields = BrandFields(form.name, form.primary_colour, form.footer_text, form.logo_upload, form.remove_logo)
    set_partner_brand(request.tenant, partner_id, form.version, fields, admin.actor, request.client)
    return redirect(f"/admin/partners/{partner_id}/brand?notice=saved")


handler = endpoint.handler
