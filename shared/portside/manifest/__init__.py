"""Every endpoint of the portal, in one place.

Three things are built from this and nothing else: the CDK routes with each function's
IAM grants, the local runtime's router, and the test that every route is guarded.
A feature lists its lines in ``portside/<feature>/routes.py`` (a handler per line,
``functions/<feature>/<line name>.py``) and registers that module here. What a line is, is in
``lines``.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from portside.access_review import routes as access_review
from portside.admin_sign_in import routes as admin_sign_in
from portside.admins import routes as admins
from portside.approvals import routes as approvals
from portside.audit_log import routes as audit_log
from portside.dashboard import routes as dashboard
from portside.deals import routes as deals
from portside.delivery import routes as delivery
from portside.delivery.routes import STREAM_ITEM_TYPES, STREAM_RETRY_ATTEMPTS
from portside.documents import routes as documents
from portside.engagement import routes as engagement
from portside.imports import routes as imports
from portside.lookups import routes as lookups
from portside.manifest.lines import PUBLIC, Access, Audience, R, Route, Worker
from portside.partners import routes as partners
from portside.questions import routes as questions
from portside.settings import routes as settings
from portside.sign_in import routes as sign_in
from portside.training import routes as training

__all__ = [
    "ROUTES",
    "STREAM_ITEM_TYPES",
    "STREAM_RETRY_ATTEMPTS",
    "WORKERS",
    "Access",
    "Audience",
    "Route",
    "Worker",
    "form_page_for",
    "path_pattern",
    "route_for_handler",
]

ROUTES: tuple[Route, ...] = (
    *sign_in.ROUTES,
    *dashboard.ROUTES,
    *admin_sign_in.ROUTES,
    *partners.ROUTES,
    *access_review.ROUTES,
    *deals.ROUTES,
    *questions.ROUTES,
    *delivery.ROUTES,
    *settings.ROUTES,
    *audit_log.ROUTES,
    *engagement.ROUTES,
    *documents.ROUTES,
    *lookups.ROUTES,
    *imports.ROUTES,
    *approvals.ROUTES,
    *training.ROUTES,
    *admins.ROUTES,
    # API Gateway's $default route: anything no route above matches gets a branded 404 page.
    Route("not_found", "ANY", "/{proxy+}", "functions.not_found", PUBLIC, (R,)),
)


# Every feature's workers, by feature; the stream's first, then the schedules (the order the alarms,
# the dead-letter queue's policy and the dashboard list them in).
_EVERY_WORKER = (
    *delivery.WORKERS,
    *imports.WORKERS,
    *deals.WORKERS,
    *approvals.WORKERS,
    *training.WORKERS,
)
WORKERS: tuple[Worker, ...] = tuple(sorted(_EVERY_WORKER, key=lambda worker: worker.source != "table-stream"))


def route_for_handler(module: str) -> Route:
    matches = [route for route in ROUTES if route.handler == module]
    if len(matches) != 1:
        raise LookupError(f"{module} must be the handler of exactly one manifest route, found {len(matches)}")
    return matches[0]


def path_pattern(path: str) -> re.Pattern[str]:
    """A route path as API Gateway matches it: ``{name}`` is one segment, ``{name+}`` the rest of the path."""
    regex = re.sub(r"\{(\w+)\+\}", r"(?P<\1>.+)", path)
    return re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", regex) + "$")


_FORM_PAGES = [(path_pattern(route.path), route.form_page) for route in ROUTES if route.form_page]


def form_page_for(path: str) -> str | None:
    """The page of a POST-only ``path`` (``/admin/deals/d1/decision`` -> ``/admin/deals/d1``), if it is one."""
    for pattern, page in _FORM_PAGES:
        found = pattern.match(path)
        if found and page:
            return page.format(**{name: quote(value, safe="") for name, value in found.groupdict().items()})
    return None
