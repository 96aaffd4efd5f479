"""ANY /{proxy+}: whatever no other route matches gets a branded 404 page.

A GET of a path that only takes a POST (a reload after a refused form, a back button, a pasted
address) is sent to that form's page instead: nobody lands on a 404 for having pressed reload.
"""

from portside.errors import NotFound
from portside.manifest import form_page_for
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def not_found(request: PortalRequest) -> Response:
    page = form_page_for(request.path) if request.method in ("GET", "HEAD") else None
    if page is None:
        raise NotFound(request.path)
    return redirect(page)


handler = endpoint.handler
