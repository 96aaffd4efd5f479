"""POST /admin/admins/<email>/remove: take an admin off this tenant's console (sessions end); asks first."""

from urllib.parse import unquote

from portside.admins.managing import LastOwner, get_member, remove_member
from portside.admins.pages import TEMPLATE, admins_context
from portside.errors import Conflict
from portside.web.confirmation import Confirmation, ask, confirmed
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={LastOwner: TEMPLATE, Conflict: TEMPLATE}, error_context=admins_context)


@endpoint
def remove(request: PortalRequest) -> Response:
    email = get_member(request.tenant, unquote(request.path_param("email"))).email  # the path has it as %40
    if not confirmed(request):
        return ask(
            request,
            Confirmation(
                title=f"Remove {email} from the console?",
                consequence="Their membership of this tenant goes and every session they have open ends at once. "
                "Adding them again later starts afresh.",
                affected=[email],
                button=f"Remove {email}",
                cancel_path="/admin/admins",
                fields=request.form,
            ),
        )
    remove_member(request.tenant, email, request.admin.actor, request.client)
    return redirect("/admin/admins?notice=removed")


handler = endpoint.handler
