"""GET /partners/documents/<document_id>/download: audit and count the download, then a one-minute S3 link.

Anything the contact may not have (another partner's, another role's, archived, unknown) is a 404.
"""

from portside.documents.downloads import download_link, visible_document
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(__name__)


@endpoint
def download(request: PortalRequest) -> Response:
    document = visible_document(request.tenant, request.path_param("document_id"), request.partner)
    return redirect(download_link(request.tenant, document, request.partner, request.client))


handler = endpoint.handler
