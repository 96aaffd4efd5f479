"""POST /admin/imports/<import_id>/decision: a second finance admin approves a held run, or anyone of finance
declines it; only while it is held, only once."""

from portside.errors import Conflict, InvalidInput
from portside.imports.decisions import approve_run, decline_run
from portside.imports.forms import ImportDecisionForm
from portside.imports.pages import RUN_TEMPLATE, import_run_context
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__, error_pages={InvalidInput: RUN_TEMPLATE, Conflict: RUN_TEMPLATE}, error_context=import_run_context
)


@endpoint
def record_decision(request: PortalRequest) -> Response:
    import_id = request.path_param("import_id")
    form = parse_form(ImportDecisionForm, request.form)
    decide = approve_run if form.decision == "approve" else decline_run
    decide(request.tenant, import_id, request.admin.actor, request.client)
    return redirect(f"/admin/imports/{import_id}?notice={form.decision}d")


handler = endpoint.handler
