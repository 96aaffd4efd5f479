"""GET /admin/login/sso/callback: the identity provider sends the browser back; checked, it opens the console."""

from portside.admin_sign_in import single_sign_on
from portside.errors import RateLimited
from portside.web.cookies import SSO_COOKIE, admin_cookie, expired
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

REFUSED = "admin_sign_in/sso_refused.html"
endpoint = Endpoint(__name__, error_pages={single_sign_on.SsoRefused: REFUSED, RateLimited: REFUSED})


@endpoint
def finish_sso(request: PortalRequest) -> Response:
    request.pending_cookies.append(expired(SSO_COOKIE))  # spent, whatever the answer
    signed_in = single_sign_on.finish(
        request.tenant,
        state=(request.query("state") or "")[:100],
        cookie_state=request.cookies.get(SSO_COOKIE, "")[:100],
        code=(request.query("code") or "")[:2000],
        provider_error=(request.query("error") or "")[:100],
        client=request.client,
    )
    # A page, not a redirect: the browser arrived from the provider's site, and a navigation that
    # started there would not carry the SameSite=Strict admin cookie on to the console.
    response = page(request, "admin_sign_in/sso_done.html", target=signed_in.next_path)
    response.cookies.extend([admin_cookie(signed_in.cookie_value, signed_in.max_age_seconds), *request.pending_cookies])
    return response


handler = endpoint.handler
