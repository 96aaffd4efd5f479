"""POST /admin/settings: save the tenant's settings, unless someone saved others since the form was read."""

from portside.errors import Conflict, InvalidInput
from portside.settings.forms import TenantSettingsForm
from portside.settings.rules import TenantSettings, update_settings
from portside.training.authoring import published_modules
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

FORM = "settings/admin_settings.html"
endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: FORM, Conflict: FORM},
    error_context=lambda request: {"saved": False, "modules": published_modules(request.tenant)},
)


@endpoint
def save_settings(request: PortalRequest) -> Response:
    form = parse_form(TenantSettingsForm, request.form)
    wanted = TenantSettings(**form.model_dump(exclude={"version"}))
    update_settings(request.tenant.tenant_id, form.version, wanted, request.admin.actor, request.client)
    return redirect("/admin/settings?notice=saved")


handler = endpoint.handler
