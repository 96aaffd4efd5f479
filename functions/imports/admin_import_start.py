"""POST /admin/imports: start importing an uploaded CSV as orders, stock (ops), prices or accounts (finance).

The worker runs it. Another role's kind answers 403 before anything else of the form is read.
"""

from portside.errors import Conflict, InvalidInput
from portside.imports.forms import ImportStartForm
from portside.imports.jobs import start_import
from portside.imports.pages import TEMPLATE, checked_import_file, imports_context, require_import_right
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE, Conflict: TEMPLATE}, error_context=imports_context)


@endpoint
def start(request: PortalRequest) -> Response:
    require_import_right(request)
    form = parse_form(ImportStartForm, request.form)
    checked = checked_import_file(request, form.upload_key)
    start_import(request.tenant, form.kind, checked.key, checked.file_name, request.admin.actor, request.client)
    return redirect("/admin/imports?notice=started")


handler = endpoint.handler
