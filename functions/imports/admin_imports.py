"""GET /admin/imports: ERP imports and how they went; for ops and owners, the upload and its start step."""

from portside.imports.pages import imports_page_response
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_imports(request: PortalRequest) -> Response:
    return imports_page_response(request)


handler = endpoint.handler
