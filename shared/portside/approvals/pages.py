"""A pricing or credit request in the console: its context, and the decision form for who may decide."""

from __future__ import annotations

from typing import Any

from portside.approvals.following import KIND_LABELS, STATE_LABELS
from portside.approvals.review import review_view
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

TEMPLATE = "approvals/admin_approval.html"
NOTICES = {
    "approved": "Approved and applied. The partner is mailed.",
    "first_approval": "Your approval is recorded. It is beyond the four-eyes threshold: a second finance admin "
    "must approve it too before anything changes.",
    "rejected": "Rejected. The partner is mailed your note.",
}


def review_context(http: PortalRequest) -> dict[str, Any]:
    """What finance reads to decide the request the path names (``http`` is the HTTP request, not the pricing one)."""
    view = review_view(http.tenant, http.path_param("request_id"))
    return {
        "view": view,
        "kinds": KIND_LABELS,
        "states": STATE_LABELS,
        "can_decide": http.admin.may("approvals", "decide"),
        "approved_first_by_me": view.request.first_approved_by == http.admin.actor,
        "notice": NOTICES.get(http.query("notice") or ""),
    }


def review_page(request: PortalRequest) -> Response:
    """The decision form carries the version of the request as shown, whatever a refused form had."""
    return page(request, TEMPLATE, values={}, errors={}, error=None, **review_context(request))
