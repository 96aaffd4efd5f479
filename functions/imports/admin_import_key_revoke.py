"""POST /admin/imports/keys/<key_id>/revoke: the key stops working at once (its pushes answer 401)."""

from portside.imports.keys import revoke_key
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def revoke(request: PortalRequest) -> Response:
    revoke_key(request.tenant, request.path_param("key_id"), request.admin.actor, request.client)
    return redirect("/admin/imports/keys?notice=revoked")


handler = endpoint.handler
