"""POST /admin/documents/<space_id>: save an uploaded file, checked by its content, under its title."""

from portside.documents.forms import DocumentUploadForm
from portside.documents.library import upload, upload_in_space
from portside.documents.space_page import TEMPLATE, space_context
from portside.errors import Conflict, InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__, error_pages={InvalidInput: TEMPLATE, Conflict: TEMPLATE}, error_context=space_context)


@endpoint
def save(request: PortalRequest) -> Response:
    space_id = request.path_param("space_id")
    form = parse_form(DocumentUploadForm, request.form)
    uploaded = upload_in_space(request.tenant.tenant_id, space_id, form.upload_key)
    saved = upload(
        request.tenant, space_id, form.title, uploaded, request.admin.actor, request.client, notify=bool(form.notify)
    )
    return redirect(f"/admin/documents/{space_id}?notice={'saved' if saved.new_document else 'version'}")


handler = endpoint.handler
