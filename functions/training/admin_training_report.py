"""GET /admin/training/report: each contact's standing in each module, by partner and module, a page at a time."""

from typing import Any

from portside.errors import InvalidInput
from portside.partners.directory import partner_choices
from portside.training.authoring import list_modules
from portside.training.forms import ReportFilter
from portside.training.report import training_report
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

PAGE = "training/admin_training_report.html"


def _filters(request: PortalRequest) -> dict[str, Any]:
    return {"partners": partner_choices(request.tenant), "all_modules": list_modules(request.tenant)}


endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: PAGE},
    error_context=lambda request: {**_filters(request), "report": None, "values": request.query_params},
)


@endpoint
def show_report(request: PortalRequest) -> Response:
    wanted = parse_form(ReportFilter, request.query_params)
    report = training_report(request.tenant, wanted.partner, wanted.module, request.query("cursor"))
    values = {"partner": wanted.partner or "", "module": wanted.module or ""}
    return page(request, PAGE, report=report, values=values, errors={}, error=None, **_filters(request))


handler = endpoint.handler
