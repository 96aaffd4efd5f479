"""GET /admin/partners/questions: open questions first, the longest waiting at the top; then answered ones."""

from portside.questions.answering import question_queue
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_queue(request: PortalRequest) -> Response:
    return page(
        request, "questions/admin_questions.html", queue=question_queue(request.tenant, request.query("cursor"))
    )


handler = endpoint.handler
