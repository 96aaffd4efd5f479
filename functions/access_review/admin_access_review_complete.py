"""POST /admin/access-review: record that the review is done, by whom and when (audited)."""

from portside.access_review.forms import AccessReviewForm
from portside.access_review.review import complete_review, review_view
from portside.errors import InvalidInput
from portside.web.endpoint import Endpoint
from portside.web.forms.base import parse_form
from portside.web.http import Response
from portside.web.request import PortalRequest
from portside.web.responses import redirect

endpoint = Endpoint(
    __name__,
    error_pages={InvalidInput: "access_review/admin_access_review.html"},
    error_context=lambda request: {"view": review_view(request.tenant, None), "done": False, "can_review": True},
)


@endpoint
def complete(request: PortalRequest) -> Response:
    form = parse_form(AccessReviewForm, request.form)
    complete_review(request.tenant, form.note, request.admin.actor, request.client)
    return redirect("/admin/access-review?notice=done")


handler = endpoint.handler
