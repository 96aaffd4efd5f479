"""GET /partners/training/<id>/certificate: the contact's certificate of the module, to print (A4 or Letter)."""

from portside.training.certificates import own_certificate
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_certificate(request: PortalRequest) -> Response:
    certificate = own_certificate(request.tenant, request.partner, request.path_param("module_id"))
    verify_url = f"{request.tenant.base_url.rstrip('/')}/verify/{certificate.code}"
    return page(request, "training/partner_training_certificate.html", certificate=certificate, verify_url=verify_url)


handler = endpoint.handler
