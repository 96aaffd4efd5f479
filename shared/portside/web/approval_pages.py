"""A pricing or credit request in the console: its context, and the decision form for who may decide."""

from __future__ import annotations

from typing import Any

from portside.domain.approval_context import review_view
from portside.domain.pricing_requests import KIND_LABELS, STATE_LABELS
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

TEMPLATE = "admin/approval.html"
NOTICES = {
    "approved": "Approved and applied. The partner is mailed.",
    "first_approval": "Your approval is recorded. It is beyond the four-eyes threshold: a second finance admin "
    "must approve it too before anything changes.",
    "rejected": "Rejected. The partner is mailed your note.",
}


def approval_context(request: PortalRequest) -> dict[str, Any]:
    view = review_view(request.tenant, request.path_param("request_id"))
    return {
        "view": view,
        "kinds": KIND_LABELS,
        "states": STATE_LABELS,
        "can_decide": request.admin.may("approvals", "decide"),
        "approved_first_by_me": view.request.first_approved_by == request.admin.actor,
        "notice": NOTICES.get(request.query("notice") or ""),
    }


def approval_page(request: PortalRequest) -> Response:
    """The decision form carries the version of the request as shown, whatever a refused form had."""
    return page(request, TEMPLATE, values={}, errors={}, error=None, **approval_context(request))
