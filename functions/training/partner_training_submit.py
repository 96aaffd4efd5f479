"""POST /partners/training/<id>: grade the quiz on the server; the module's page then shows the result."""

from portside.errors import InvalidInput, RateLimited
from portside.training.forms import MAX_QUESTIONS, QuizForm, answers_of_form
from portside.training.grading import OlderQuiz, take_quiz
from portside.training.pages import TEMPLATE, module_context
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: TEMPLATE, OlderQuiz: TEMPLATE, RateLimited: TEMPLATE},
    error_context=module_context,
)


@endpoint
def submit(request: PortalRequest) -> Response:
    module_id = request.path_param("module_id")
    version = parse_form(QuizForm, request.form).quiz_version
    answers = answers_of_form(request.form_all, MAX_QUESTIONS)
    graded = take_quiz(request.tenant, request.partner, module_id, version, answers, request.client)
    return redirect(f"/partners/training/{module_id}?result={'passed' if graded.passed else 'failed'}")


handler = endpoint.handler
