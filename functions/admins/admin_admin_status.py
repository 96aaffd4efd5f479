"""POST /admin/admins/<email>/status: disable (their sessions end at once) or enable an admin; asks first."""

from urllib.parse import unquote

from portside.admins.forms import AdminStatusForm
from portside.admins.managing import LastOwner, get_member, set_enabled
from portside.admins.pages import TEMPLATE, admins_context
from portside.errors import Conflict
from portside.web.confirmation import Confirmation, ask, confirmed
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={LastOwner: TEMPLATE, Conflict: TEMPLATE}, error_context=admins_context)


@endpoint
def set_status(request: PortalRequest) -> Response:
    email = get_member(request.tenant, unquote(request.path_param("email"))).email  # the path has it as %40
    enabled = parse_form(AdminStatusForm, request.form).enabled
    if not enabled and not confirmed(request):
        return ask(
            request,
            Confirmation(
                title=f"Disable {email}?",
                consequence="They can no longer open this console, and every session they have open ends at once. "
                "You can enable them again later.",
                affected=[email],
                button=f"Disable {email}",
                cancel_path="/admin/admins",
                fields=request.form,
            ),
        )
    set_enabled(request.tenant, email, enabled, request.admin.actor, request.client)
    return redirect(f"/admin/admins?notice={'enabled' if enabled else 'disabled'}")


handler = endpoint.handler
