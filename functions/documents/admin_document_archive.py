"""POST /admin/documents/<space_id>/<document_id>/archive: archive a document (partners lose it) or restore it."""

from portside.documents.forms import DocumentArchiveForm
from portside.documents.library import document_in_space, set_archived
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def archive(request: PortalRequest) -> Response:
    space_id = request.path_param("space_id")
    document = document_in_space(request.tenant, space_id, request.path_param("document_id"))
    archived = parse_form(DocumentArchiveForm, request.form).archived == "yes"
    set_archived(request.tenant, document, archived, request.admin.actor, request.client)
    return redirect(
        f"/admin/documents/{space_id}/{document.document_id}?notice={'archived' if archived else 'restored'}"
    )


handler = endpoint.handler
