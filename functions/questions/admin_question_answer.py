"""POST /admin/partners/questions/<id>/answer: save the answer, unless someone saved another since the form was read."""

from portside.errors import InvalidInput
from portside.questions.answering import AnswerChanged, answer_question, question_detail
from portside.questions.forms import AnswerForm
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

PAGE = "questions/admin_question.html"
endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: PAGE, AnswerChanged: PAGE},
    error_context=lambda request: {
        "view": question_detail(request.tenant, request.path_param("question_id")),
        "notice": None,
        "can_answer": True,
    },
)


@endpoint
def save_answer(request: PortalRequest) -> Response:
    question_id = request.path_param("question_id")
    form = parse_form(AnswerForm, request.form)
    first = answer_question(request.tenant, question_id, form.version, form.answer, request.admin.actor, request.client)
    return redirect(f"/admin/partners/questions/{question_id}?notice={'answered' if first else 'updated'}")


handler = endpoint.handler
