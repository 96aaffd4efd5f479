"""POST /admin/engagement/nudge: mail one contact, or everyone on a list, a nudge from a template."""

from aws_lambda_powertools.event_handler import Response

from portside.domain.engagement import nudge_contact, nudge_list
from portside.web.endpoint import Endpoint
from portside.web.forms import NudgeForm, parse_form
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def nudge(request: PortalRequest) -> Response:
    form = parse_form(NudgeForm, request.form)
    admin = request.admin
    if form.contact_id:
        sent = nudge_contact(request.tenant, form.contact_id, admin.actor, request.client)
    else:
        sent = nudge_list(request.tenant, form.group or "", admin.actor, request.client)
    return redirect(f"/admin/engagement?nudged={sent}")


handler = endpoint.handler
