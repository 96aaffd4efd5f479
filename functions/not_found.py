"""ANY /{proxy+}: whatever no other route matches gets a branded 404 page."""

from aws_lambda_powertools.event_handler import Response

from portside.errors import NotFound
from portside.web.endpoint import Endpoint
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def not_found(request: PortalRequest) -> Response:
    raise NotFound(request.path)


handler = endpoint.handler
