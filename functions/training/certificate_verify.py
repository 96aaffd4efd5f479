"""GET /verify/<code>: anyone confirms a certificate: the name, the module and whether it is valid, nothing more."""

from portside.errors import NotFound
from portside.training.certificates import verify
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

# A code no certificate has is answered on the check's own page, in its words, not by the general "not found".
endpoint = Endpoint(__name__, error_pages={NotFound: "training/certificate_verify.html"})


@endpoint
def show_verification(request: PortalRequest) -> Response:
    return page(
        request, "training/certificate_verify.html", verified=verify(request.tenant, request.path_param("code"))
    )


handler = endpoint.handler
