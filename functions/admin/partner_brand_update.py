"""POST /admin/partners/<id>/brand: set the partner's brand override, or remove it."""

from aws_lambda_powertools.event_handler import Response

from portside.domain.branding import BrandFields, set_partner_brand
from portside.errors import Conflict, InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms import BrandForm, VersionForm, parse_form
from portside.web.request import PortalRequest
from portside.web.responses import redirect

FORM = "admin/branding.html"
endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: FORM, Conflict: FORM},
    error_context=lambda request: {
        "form_path": f"/admin/partners/{request.path_param('partner_id')}/brand",
        "title": "Brand override",
        "partner": None,
        "current": None,
        "upload": None,
        "uploaded": False,
        "notice": None,
    },
)


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
