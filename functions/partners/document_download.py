"""GET /partners/documents/<document_id>/download: audit and count the download, then a one-minute S3 link.

Anything the contact may not have (another partner's, another role's, archived, unknown) is a 404.
"""

from portside.domain.documents import record_download, visible_document
from portside.storage.documents import download_url
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def download(request: PortalRequest) -> Response:
    contact, tenant_id = request.partner, request.tenant.tenant_id
    document = visible_document(request.tenant, request.path_param("document_id"), contact)
    record_download(request.tenant, document, contact.contact_id, contact.partner_id, request.client)
    url = download_url(
        tenant_id, document.document_id, document.object_version, document.file_name, document.content_type
    )
    return redirect(url)


handler = endpoint.handler
