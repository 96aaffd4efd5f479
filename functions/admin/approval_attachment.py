"""GET /admin/approvals/<id>/file: a credit request's supporting file, audited, then a one-minute S3 link."""

from portside.domain.pricing_requests import attachment_document, get_request, record_attachment_download
from portside.storage.documents import download_url
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def download(request: PortalRequest) -> Response:
    asked = get_request(request.tenant, request.path_param("request_id"))
    record_attachment_download(request.tenant, asked, request.admin.actor, request.client)
    document = attachment_document(asked.request_id)
    name, content_type = asked.attachment_name or "file", asked.attachment_type or "application/octet-stream"
    return redirect(download_url(request.tenant.tenant_id, document, None, name, content_type))


handler = endpoint.handler
