"""A module's page for a partner contact: its description, where they stand, the last result, and the quiz."""

from __future__ import annotations

from typing import Any

from portside.training.authoring import quiz_of
from portside.training.learning import module_for, quiz_view
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

TEMPLATE = "training/partner_training_module.html"
RESULTS = {"passed", "failed"}


def module_context(request: PortalRequest) -> dict[str, Any]:
    """The module and its current quiz, without the right answers: a BatchGet and a GetItem."""
    module, status = module_for(request.tenant, request.partner, request.path_param("module_id"))
    result = request.query("result")
    return {
        "quiz": quiz_view(module, status, quiz_of(module)),
        "result": result if result in RESULTS else None,
        "can_take": request.partner.may("training", "take_quiz"),
    }


def module_page(request: PortalRequest) -> Response:
    return page(request, TEMPLATE, error=None, values={}, errors={}, **module_context(request))
