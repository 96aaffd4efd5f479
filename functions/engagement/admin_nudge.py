"""POST /admin/engagement/nudge: mail one contact, or everyone on a list (after naming them all), a nudge."""

from portside.engagement.forms import NudgeForm
from portside.engagement.nudging import nudge_contact, nudge_list, who_a_nudge_reaches
from portside.web.confirmation import Confirmation, ask, confirmed
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)
LISTS = {
    "invited": "everyone invited who never signed in",
    "quiet": "everyone not seen for 30 days",
    "dormant": "everyone not seen for 90 days",
}


@endpoint
def nudge(request: PortalRequest) -> Response:
    form = parse_form(NudgeForm, request.form)
    admin = request.admin
    if form.contact_id:
        sent = nudge_contact(request.tenant, form.contact_id, admin.actor, request.client)
    elif not confirmed(request):
        reached = who_a_nudge_reaches(request.tenant, form.group or "")
        return ask(
            request,
            Confirmation(
                title=f"Mail a nudge to {len(reached)} contact{'s' * (len(reached) != 1)}?",
                consequence=f"This mails {LISTS.get(form.group or '', 'this list')}. An invited contact gets a fresh "
                "invite link (the old one stops working). Anyone nudged in the last day is skipped.",
                affected=reached,
                button=f"Mail {len(reached)} nudge{'s' * (len(reached) != 1)}",
                cancel_path="/admin/engagement",
                fields=request.form,
            ),
        )
    else:
        sent = nudge_list(request.tenant, form.group or "", admin.actor, request.client)
    return redirect(f"/admin/engagement?nudged={sent}")


handler = endpoint.handler
