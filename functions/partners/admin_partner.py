"""GET /admin/partners/<id>: the partner, its contacts and what can be done to each, its newest deals and questions.

The deals and questions show to roles that may view them (one Query each).
"""

from portside.deals.following import STATE_LABELS
from portside.deals.review import recent_deals
from portside.partners.directory import contacts_of, get_partner
from portside.questions.answering import recent_questions
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)

NOTICES = {
    "created": "Partner created. Add its first contact below.",
    "updated": "Partner saved.",
    "invited": "Contact added. The invite mail is on its way.",
    "resent": "A fresh invite is on its way. The previous link no longer works.",
    "role": "Role changed. The contact's sessions ended: they sign in again with the new role.",
    "disabled": "Contact disabled. Their sessions ended and their links no longer work.",
    "enabled": "Contact enabled. They can sign in again.",
    "sessions": "The contact's sessions ended.",
}


@endpoint
def show_partner(request: PortalRequest) -> Response:
    partner = get_partner(request.tenant, request.path_param("partner_id"))
    contacts = contacts_of(request.tenant, partner.partner_id, request.query("cursor"))
    admin = request.admin
    deals = recent_deals(request.tenant, partner.partner_id) if admin.may("deal_reviews", "view") else None
    questions = recent_questions(request.tenant, partner.partner_id) if admin.may("answers", "view") else None
    return page(
        request,
        "partners/admin_partner.html",
        partner=partner,
        contacts=contacts.items,
        next_cursor=contacts.cursor,
        notice=NOTICES.get(request.query("notice") or ""),
        can_manage_partner=admin.may("partners", "manage"),
        can_invite=admin.may("contacts", "invite"),
        can_manage_contacts=admin.may("contacts", "manage"),
        can_end_sessions=admin.may("contacts", "end_sessions"),
        can_brand=admin.may("branding", "manage"),
        roles=("principal", "salesperson", "technical"),
        deals=deals,
        questions=questions,
        deal_states=STATE_LABELS,
    )


handler = endpoint.handler
