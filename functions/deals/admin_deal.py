"""GET /admin/deals/<id>: the deal, its partner, and any conflicting registrations side by side."""

from portside.deals.following import STATE_LABELS
from portside.deals.review import review_view
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)
NOTICES = {"approved": "Approved. The partner is mailed the decision.", "rejected": "Rejected. The partner is mailed."}


@endpoint
def show_deal(request: PortalRequest) -> Response:
    view = review_view(request.tenant, request.path_param("deal_id"))
    return page(
        request,
        "deals/admin_deal.html",
        view=view,
        labels=STATE_LABELS,
        notice=NOTICES.get(request.query("notice") or ""),
        can_decide=request.admin.may("deal_reviews", "decide"),
        values={},
        errors={},
        error=None,
    )


handler = endpoint.handler
