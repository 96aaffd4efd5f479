"""GET /admin/access-review: every contact and admin, with role, partner, status and last activity."""

from portside.access_review.review import review_view
from portside.web.endpoint import Endpoint
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

endpoint = Endpoint(__name__)


@endpoint
def show_review(request: PortalRequest) -> Response:
    view = review_view(request.tenant, request.query("cursor"))
    return page(
        request,
        "access_review/admin_access_review.html",
        view=view,
        done=request.query("notice") == "done",
        can_review=request.admin.may("access_review", "review"),
        values={},
        errors={},
        error=None,
    )


handler = endpoint.handler
