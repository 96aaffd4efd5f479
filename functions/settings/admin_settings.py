"""GET /admin/settings: the tenant's help contact, sign-in and session lengths, deal rules and
the four-eyes thresholds of approvals (owner only)."""

from portside.settings.rules import TenantSettings
from portside.training.authoring import published_modules
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest
from portside.web.tenants import fresh_tenant

endpoint = Endpoint(__name__)


@endpoint
def show_settings(request: PortalRequest) -> Response:
    tenant = fresh_tenant(request.tenant.tenant_id)
    current = TenantSettings.of(tenant)
    values = {name: "" if value is None else str(value) for name, value in vars(current).items()}
    for choice in ("salespeople_see_only_own_deals", "stock_quantities_shown"):  # checkboxes: ticked or not
        values[choice] = "true" if getattr(current, choice) else ""
    if current.second_approval_credit_change is not None:  # kept in cents, typed in dollars
        values["second_approval_credit_change"] = f"{current.second_approval_credit_change / 100:.2f}"
    return page(
        request,
        "settings/admin_settings.html",
        values={**values, "version": str(tenant.version or 0)},
        errors={},
        error=None,
        saved=request.query("notice") == "saved",
        modules=published_modules(request.tenant),
    )


handler = endpoint.handler
