"""POST /admin/settings/branding: save the tenant's brand (a new logo is checked before it is published)."""

from portside.errors import Conflict, InvalidInput
from portside.settings.branding import BrandFields, update_tenant_brand
from portside.settings.forms import BrandForm
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

FORM = "settings/admin_branding.html"
endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: FORM, Conflict: FORM},
    error_context=lambda request: {
        "form_path": "/admin/settings/branding",
        "title": "Branding",
        "partner": None,
        "current": request.tenant.brand,
        "upload": None,
        "uploaded": None,
        "notice": None,
    },
)


@endpoint
def save(request: PortalRequest) -> Response:
    form = parse_form(BrandForm, request.form)
    fields = BrandFields(form.name, form.primary_colour, form.footer_text, form.logo_upload, form.remove_logo)
    update_tenant_brand(request.tenant.tenant_id, form.version, fields, request.admin.actor, request.client)
    return redirect("/admin/settings/branding?notice=saved")


handler = endpoint.handler
