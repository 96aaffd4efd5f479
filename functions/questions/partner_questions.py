"""GET /partners/questions: the partner's questions and their answers, newest first."""

from portside.deals.following import sees_only_own_deals
from portside.questions.following import partner_view, questions_for
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_questions(request: PortalRequest) -> Response:
    listed = questions_for(request.tenant, request.partner, request.query("cursor"))
    show_deal = not sees_only_own_deals(request.tenant, request.partner)
    return page(
        request,
        "questions/partner_questions.html",
        questions=[partner_view(question, show_deal) for question in listed.items],
        next_cursor=listed.cursor,
        can_ask=request.partner.may("questions", "ask"),
    )


handler = endpoint.handler
