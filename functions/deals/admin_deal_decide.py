"""POST /admin/deals/<id>/decision: approve or reject with a note; only from pending, only once."""

from portside.deals.following import STATE_LABELS
from portside.deals.forms import DealDecisionForm
from portside.deals.review import AlreadyDecided, decide, partner_addresses, review_view
from portside.errors import InvalidInput
from portside.web.confirmation import Confirmation, ask, confirmed
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: "deals/admin_deal.html", AlreadyDecided: "deals/admin_deal.html"},
    error_context=lambda request: {
        "view": review_view(request.tenant, request.path_param("deal_id")),
        "labels": STATE_LABELS,
        "notice": None,
        "can_decide": True,
    },
)


@endpoint
def record_decision(request: PortalRequest) -> Response:
    deal_id = request.path_param("deal_id")
    form = parse_form(DealDecisionForm, request.form)
    if form.decision == "reject" and not confirmed(request):
        view = review_view(request.tenant, deal_id)
        if view.deal.state != "pending":
            raise AlreadyDecided(f"deal {deal_id} is {view.deal.state}")
        return ask(
            request,
            Confirmation(
                title=f"Reject \u201c{view.deal.title}\u201d?",
                consequence=f"{view.partner_name}'s registration is not approved, and cannot be approved later. "
                f"These people are mailed your note: \u201c{form.note}\u201d",
                affected=partner_addresses(request.tenant, view.deal),
                button="Reject the registration",
                cancel_path=f"/admin/deals/{deal_id}",
                fields=request.form,
            ),
        )
    decided = decide(
        request.tenant, deal_id, form.decision == "approve", form.note, request.admin.actor, request.client
    )
    return redirect(f"/admin/deals/{deal_id}?notice={decided.state}")


handler = endpoint.handler
