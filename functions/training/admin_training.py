"""GET /admin/training: every module with its audience, pass mark, validity, state and current certificate holders."""

from portside.training.authoring import AUDIENCE_LABELS, STATE_LABELS, holders, list_modules
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_modules(request: PortalRequest) -> Response:
    modules = list_modules(request.tenant)
    return page(
        request,
        "training/admin_training.html",
        modules=modules,
        holders=holders(request.tenant, modules),
        audiences=AUDIENCE_LABELS,
        states=STATE_LABELS,
        can_manage=request.admin.may("training_authoring", "manage"),
    )


handler = endpoint.handler
