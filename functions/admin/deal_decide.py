"""POST /admin/deals/<id>/decision: approve or reject with a note; only from pending, only once."""

from aws_lambda_powertools.event_handler import Response

from portside.domain.deal_reviews import AlreadyDecided, decide, review_view
from portside.domain.deals import STATE_LABELS, money
from portside.errors import InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms import DealDecisionForm, parse_form
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: "admin/deal.html", AlreadyDecided: "admin/deal.html"},
    error_context=lambda request: {
        "view": review_view(request.tenant, request.path_param("deal_id")),
        "money": money,
        "labels": STATE_LABELS,
        "notice": None,
        "can_decide": True,
    },
)


@endpoint
def record_decision(request: PortalRequest) -> Response:
    deal_id = request.path_param("deal_id")
    form = parse_form(DealDecisionForm, request.form)
    decided = decide(
        request.tenant, deal_id, form.decision == "approve", form.note, request.admin.actor, request.client
    )
    return redirect(f"/admin/deals/{deal_id}?notice={decided.state}")


handler = endpoint.handler
