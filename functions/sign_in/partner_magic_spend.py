"""POST /partners/auth/magic: spend the link (one conditional write) and open a fresh session."""

from portside.errors import InvalidInput
from portside.sign_in.forms import MagicLinkForm
from portside.sign_in.spending import LinkUnusable, spend_link
from portside.web.cookies import signed_in_cookies
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={LinkUnusable: "sign_in/link_problem.html", InvalidInput: "sign_in/link_problem.html"},
)


@endpoint
def spend(request: PortalRequest) -> Response:
    form = parse_form(MagicLinkForm, request.form)
    signed_in = spend_link(request.tenant, form.token, request.client)
    return redirect(signed_in.next_path, cookies=signed_in_cookies(signed_in.cookie_value, signed_in.max_age_seconds))


handler = endpoint.handler
