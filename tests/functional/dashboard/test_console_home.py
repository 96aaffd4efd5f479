"""The console's home: each admin sees what waits in the queues their roles open, counted, each a link to it."""

from __future__ import annotations

import re
from typing import Any

import pytest

from infra.local import demo_training
from tests.functional.approvals.helpers import ask_credit, made_id, seed_catalogue
from tests.functional.deals.test_lists import registered
from tests.functional.portal import Portal
from tests.functional.questions.test_questions import asked_by_acme


@pytest.fixture(autouse=True)
def signed_in_admins(admin_pool: dict[str, Any]) -> None:
    """Every test here signs admins in."""


def waiting(home: str) -> dict[str, str]:
    """The home's queue lines, link to words."""
    return dict(re.findall(r'<a class="row" href="([^"]+)"><strong>([^<]+)</strong></a>', home))


def test_the_owner_sees_every_queue_with_what_waits_in_it(portal: Portal) -> None:
    portal.admin_sign_in("owner@northwind.example")
    before = portal.get("/admin").body
    registered(portal, "sales@acme.example", "Acme pending", "Gamma Co")
    registered(portal, "sales@globex.example", "Globex pending", "Delta Co")
    asked_by_acme(portal)
    demo_training.seed_training()  # one certificate ends in 10 days, one ended 5 days ago, the rest later
    portal.admin_sign_in("owner@northwind.example")

    shown = waiting(portal.get("/admin").body)

    assert waiting(before) == {} and "Nothing waits for you right now." in before
    assert shown["/admin/deals"] == "2 deal registrations wait for a decision"
    assert shown["/admin/partners/questions"] == "1 question waits for an answer"
    assert shown["/admin/training/report"] == "1 certificate ends within 30 days"
    assert "/admin/imports" not in shown and "/admin/mail" not in shown, "an empty queue is left out"


def test_each_role_sees_only_the_queues_it_may_open(portal: Portal) -> None:
    registered(portal, "sales@acme.example", "Acme pending", "Gamma Co")
    seed_catalogue()  # the partners' accounts, whose limits a request changes
    portal.sign_in("principal@acme.example")
    made_id(ask_credit(portal))
    portal.admin_sign_in("finance@northwind.example")
    finance = waiting(portal.get("/admin").body)
    portal.admin_sign_in("ops@northwind.example")
    ops = waiting(portal.get("/admin").body)

    assert finance == {
        "/admin/deals": "1 deal registration waits for a decision",
        "/admin/approvals": "1 pricing or credit request waits for finance",
    }
    assert ops == {"/admin/deals": "1 deal registration waits for a decision"}, "ops decides no request"


def test_a_queue_is_counted_up_to_its_cap_in_one_read(portal: Portal) -> None:
    from infra.local.seed import TENANT_ID
    from portside.data import reads
    from portside.deals.models import Deal

    for customer in ("Alpha Co", "Beta Co", "Gamma Co"):
        registered(portal, "sales@acme.example", f"Deal with {customer}", customer)
    pending = Deal.pending_partition(TENANT_ID)

    assert reads.count_up_to(pending, None, index="GSI2", cap=2) == 2
    assert reads.count_up_to(pending, None, index="GSI2", cap=100) == 3
