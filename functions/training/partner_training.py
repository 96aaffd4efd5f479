"""GET /partners/training: the modules for the contact's role, each with where the contact stands."""

from portside.training.learning import modules_for
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_modules(request: PortalRequest) -> Response:
    return page(request, "training/partner_training.html", modules=modules_for(request.tenant, request.partner))


handler = endpoint.handler
