"""POST /admin/contacts/<id>/end-sessions: sign the contact out everywhere, now (after asking, by name)."""

from portside.partners.contacts import contact_impact, end_sessions, get_contact
from portside.web.confirmation import Confirmation, ask, confirmed
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def end_all(request: PortalRequest) -> Response:
    contact = get_contact(request.tenant, request.path_param("contact_id"))
    if not confirmed(request):
        impact = contact_impact(request.tenant, contact)
        return ask(
            request,
            Confirmation(
                title=f"Sign {contact.name} out everywhere?",
                consequence=f"Every open session of {contact.name} ends now ({impact.sessions} open); they can sign in "
                "again with a new link.",
                affected=[impact.who],
                button="End sessions",
                cancel_path=f"/admin/partners/{contact.partner_id}",
            ),
        )
    end_sessions(request.tenant, contact.contact_id, request.admin.actor, request.client)
    return redirect(f"/admin/partners/{contact.partner_id}?notice=sessions")


handler = endpoint.handler
