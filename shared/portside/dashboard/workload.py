"""What waits for someone in the console, for its home page: each queue with the permission its page needs.

One central list, as the navigation is: a feature's queue is a line here naming its count function, which is
imported only for an admin who may open the queue (the console's home stays light). Each count is one read,
capped: the home says "100 or more" rather than read a long queue to count it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from portside.auth.principal import AdminPrincipal
from portside.data.models.tenants import Tenant

COUNT_CAP = 100


@dataclass(frozen=True)
class Queue:
    name: str
    grant: tuple[str, str]  # what opens the queue's page
    counter: str  # "module:function", called with the tenant and the cap
    link: str
    one: str  # "{n} … waits …", said of one
    many: str  # and of several

    def count(self, tenant: Tenant) -> int:
        module, function = self.counter.split(":")
        counting = cast(Callable[[Tenant, int], int], getattr(importlib.import_module(module), function))
        return counting(tenant, COUNT_CAP)


QUEUES = (
    Queue(
        "deals",
        ("deal_reviews", "view"),
        "portside.deals.review:pending_count",
        "/admin/deals",
        "deal registration waits for a decision",
        "deal registrations wait for a decision",
    ),
    Queue(
        "questions",
        ("answers", "view"),
        "portside.questions.answering:open_count",
        "/admin/partners/questions",
        "question waits for an answer",
        "questions wait for an answer",
    ),
    Queue(
        "approvals",
        ("approvals", "view"),
        "portside.approvals.review:pending_count",
        "/admin/approvals",
        "pricing or credit request waits for finance",
        "pricing and credit requests wait for finance",
    ),
    Queue(
        "mail",
        ("outbox", "view"),
        "portside.delivery.parked:parked_count",
        "/admin/mail",
        "mail could not be sent after every attempt",
        "mails could not be sent after every attempt",
    ),
    Queue(
        "imports",
        ("imports", "view"),
        "portside.imports.jobs:running_count",
        "/admin/imports",
        "import is queued or running",
        "imports are queued or running",
    ),
    Queue(
        "certificates",
        ("training_authoring", "view"),
        "portside.training.expiry:expiring_count",
        "/admin/training/report",
        "certificate ends within 30 days",
        "certificates end within 30 days",
    ),
)


@dataclass(frozen=True)
class Waiting:
    queue: Queue
    count: int

    @property
    def capped(self) -> bool:
        return self.count >= COUNT_CAP

    @property
    def said(self) -> str:
        return self.queue.one if self.count == 1 else self.queue.many


def waiting_for(admin: AdminPrincipal, tenant: Tenant) -> list[Waiting] | None:
    """What waits in each queue the admin may open, the empty ones left out; None when they may open none."""
    queues = [queue for queue in QUEUES if admin.may(*queue.grant)]
    if not queues:
        return None
    counted = (Waiting(queue, queue.count(tenant)) for queue in queues)
    return [waiting for waiting in counted if waiting.count]
