"""POST /partners/questions: ask; bad input (a deal that is not the partner's, too) shows the form again."""

from portside.errors import InvalidInput
from portside.questions.asking import QuestionInput, ask_question
from portside.questions.following import deal_choices
from portside.questions.forms import QuestionForm
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: "questions/partner_question_new.html"},
    error_context=lambda request: {"deals": deal_choices(request.tenant, request.partner, request.form.get("deal_id"))},
)


@endpoint
def ask(request: PortalRequest) -> Response:
    form = parse_form(QuestionForm, request.form)
    details = QuestionInput(form.subject, form.body, form.deal_id)
    question = ask_question(request.tenant, request.partner, form.submission_id, details, request.client)
    return redirect(f"/partners/questions/{question.question_id}?notice=asked")


handler = endpoint.handler
