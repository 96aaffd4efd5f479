"""GET /partners/questions/<id>: a question of the partner and its current answer; another partner's is "not found"."""

from portside.deals.following import sees_only_own_deals
from portside.questions.following import partner_view, question_for
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_question(request: PortalRequest) -> Response:
    question = question_for(request.tenant, request.partner, request.path_param("question_id"))
    return page(
        request,
        "questions/partner_question.html",
        question=partner_view(question, show_deal=not sees_only_own_deals(request.tenant, request.partner)),
        asked=request.query("notice") == "asked",
    )


handler = endpoint.handler
