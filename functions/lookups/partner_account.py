"""GET /partners/account: the partner's credit limit, balance, available credit and payment terms (principal)."""

from portside.errors import NotFound
from portside.lookups.freshness import updated_at
from portside.lookups.prices import account_of
from portside.lookups.views import AccountView
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_account(request: PortalRequest) -> Response:
    try:
        account = AccountView.of(account_of(request.tenant, request.partner.partner_id))
    except NotFound:
        account = None
    return page(
        request,
        "lookups/partner_account.html",
        account=account,
        updated=updated_at(request.tenant.tenant_id, "accounts"),
    )


handler = endpoint.handler
