"""GET /partners/questions/new: the question form, named by a fresh submission id (one question per form)."""

import uuid

from portside.questions.following import deal_choices
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_form(request: PortalRequest) -> Response:
    values = {"submission_id": uuid.uuid4().hex, "deal_id": request.query("deal") or ""}
    return page(
        request,
        "questions/partner_question_new.html",
        deals=deal_choices(request.tenant, request.partner, values["deal_id"]),
        values=values,
        errors={},
        error=None,
    )


handler = endpoint.handler
