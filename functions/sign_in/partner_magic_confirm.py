"""GET /partners/auth/magic?token=…: "Sign in as a…@b.com" and one button. Spends nothing.

Mail scanners open every link before the person does, and run JavaScript: this page only
reads, and it never submits itself.
"""

from portside.sign_in.spending import LinkState, inspect_link
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def confirm(request: PortalRequest) -> Response:
    token = request.query("token") or ""
    check = inspect_link(request.tenant, token)
    if check.state is not LinkState.VALID:
        return page(
            request,
            "sign_in/link_problem.html",
            status=410,
            state=check.state.value,
            token=token if check.masked_email else "",
            masked_email=check.masked_email,
        )
    return page(
        request,
        "sign_in/partner_magic_confirm.html",
        token=token,
        masked_email=check.masked_email,
        purpose=check.purpose,
    )


handler = endpoint.handler
