"""GET /admin/partners/questions/<id>: the question, who asked it, its related deal, and the answer form."""

from portside.questions.answering import question_detail
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)
NOTICES = {
    "answered": "Answer saved. The asker is mailed it, and the partner's dashboards show it.",
    "updated": "Answer updated. The asker is mailed the new answer.",
}


@endpoint
def show_question(request: PortalRequest) -> Response:
    return page(
        request,
        "questions/admin_question.html",
        view=question_detail(request.tenant, request.path_param("question_id")),
        notice=NOTICES.get(request.query("notice") or ""),
        can_answer=request.admin.may("answers", "answer"),
        values={},
        errors={},
        error=None,
    )


handler = endpoint.handler
