"""POST /admin/approvals/<id>/decision: approve (maybe on other terms) or reject with a note; from pending, once."""

from portside.approvals.decision import Decision, decide
from portside.approvals.forms import RequestDecisionForm
from portside.approvals.pages import TEMPLATE, review_context
from portside.errors import Conflict, InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE, Conflict: TEMPLATE}, error_context=review_context)


@endpoint
def record_decision(request: PortalRequest) -> Response:
    request_id = request.path_param("request_id")
    form = parse_form(RequestDecisionForm, request.form)
    granted = form.granted_price, form.granted_limit, form.granted_until
    decision = Decision(form.decision == "approve", *granted, note=form.note)
    outcome = decide(request.tenant, request_id, form.version, decision, request.admin.actor, request.client)
    return redirect(f"/admin/approvals/{request_id}?notice={outcome}")


handler = endpoint.handler
