"""GET /admin/deals: deal registrations by state (pending first, oldest at the top) or by partner; conflicts marked.

``?state=`` pending | approved | rejected | expired, or all with ``?partner=``. A bad filter
answers 400 with the filters as typed.
"""

from typing import Any

from portside.deals.following import STATE_LABELS
from portside.deals.forms import DealListFilter
from portside.deals.review import deal_list
from portside.errors import InvalidInput
from portside.partners.directory import list_partners
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

PAGE = "deals/admin_deals.html"


def _filters(request: PortalRequest) -> dict[str, Any]:
    """What the filter form offers: the partners (the first page, by name) and the states."""
    return {"partners": list_partners(request.tenant, None, None).items, "labels": STATE_LABELS}


endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: PAGE},
    error_context=lambda request: {**_filters(request), "queue": None, "values": request.query_params},
)


@endpoint
def show_deals(request: PortalRequest) -> Response:
    wanted = parse_form(DealListFilter, request.query_params)
    queue = deal_list(request.tenant, wanted.state, wanted.partner, request.query("cursor"))
    values = {"state": wanted.state, "partner": wanted.partner or ""}
    return page(request, PAGE, queue=queue, values=values, errors={}, error=None, **_filters(request))


handler = endpoint.handler
