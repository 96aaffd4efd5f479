"""POST /admin/contacts/<id>/status: disable (sessions end, links die) or enable a contact.

Disabling asks first, on a page that names the contact and what ends.
"""

from portside.partners.contacts import contact_impact, get_contact, set_enabled
from portside.partners.forms import ContactStatusForm
from portside.web.confirmation import Confirmation, ask, confirmed
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def set_status(request: PortalRequest) -> Response:
    contact = get_contact(request.tenant, request.path_param("contact_id"))
    form = parse_form(ContactStatusForm, request.form)
    if not form.enabled and not confirmed(request):
        impact = contact_impact(request.tenant, contact)
        return ask(
            request,
            Confirmation(
                title=f"Disable {contact.name}?",
                consequence=f"{contact.name} can no longer sign in. Every open session ends at once "
                f"({impact.sessions} open) and any unused sign-in or invite link stops working. "
                "You can enable them again later.",
                affected=[impact.who],
                button=f"Disable {contact.name}",
                cancel_path=f"/admin/partners/{contact.partner_id}",
                fields=request.form,
            ),
        )
    set_enabled(request.tenant, contact.contact_id, form.enabled, form.version, request.admin.actor, request.client)
    notice = "enabled" if form.enabled else "disabled"
    return redirect(f"/admin/partners/{contact.partner_id}?notice={notice}")


handler = endpoint.handler
