"""GET /admin/imports/keys: the import keys ERPs push with (names, last use; never the secrets)."""

from portside.imports.key_pages import keys_page
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_keys(request: PortalRequest) -> Response:
    return keys_page(request)


handler = endpoint.handler
