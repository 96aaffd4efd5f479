"""Destructive and mass actions ask first, on a page of their own that says who is affected.

The action's button posts once without ``confirmed``: the handler answers with this page, whose
form posts the same fields again with ``confirmed=yes``; only that second post acts. No script
is needed, and a form posted from anywhere else still meets the CSRF checks both times.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from portside.web import csrf
from portside.web.http import Response
from portside.web.pages import page
from portside.web.request import PortalRequest

FIELD = "confirmed"


@dataclass(frozen=True)
class Confirmation:
    title: str  # "Disable Jane Doe?"
    consequence: str  # what happens, in one or two sentences
    affected: list[str]  # who is affected, one line each
    button: str  # "Disable Jane Doe"
    cancel_path: str
    fields: dict[str, str] = field(default_factory=dict)  # what the second post carries again


def confirmed(request: PortalRequest) -> bool:
    return request.form.get(FIELD) == "yes"


def ask(request: PortalRequest, confirmation: Confirmation) -> Response:
    fields = {name: value for name, value in confirmation.fields.items() if name not in (csrf.FIELD, FIELD)}
    return page(request, "confirm.html", ask=confirmation, fields=fields, action=request.path)
