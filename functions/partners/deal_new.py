"""GET /partners/deals/new: the registration form, named by a fresh submission id (one deal per form)."""

import uuid

from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_form(request: PortalRequest) -> Response:
    return page(request, "partners/deal_form.html", values={"submission_id": uuid.uuid4().hex}, errors={}, error=None)


handler = endpoint.handler
