"""The kill list, proven: every partner route, for every role of both partners, never answers with a killed field.

The demo seed writes a canary into every killed field of every item (``demo_lookups.CANARIES``). This
test walks the manifest, so a new partner route is covered without anyone adding it: it only needs
an example for a new path parameter, and fails until it has one.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest

from infra.local import demo_documents, demo_lookups, demo_requests, demo_training, seed
from infra.local.seed import CONTACTS
from portside.lookups.models.catalogue import Product
from portside.manifest import ROUTES, Audience, Route
from portside.templating import money
from tests.functional.portal import Answer, Portal

PARTNER_GETS = [route for route in ROUTES if route.audience is Audience.PARTNER and route.method == "GET"]
# A path parameter's example per partner: the other partner's is tried too (a 404 must not leak either).
EXAMPLES = {
    "acme": {
        "deal_id": "demo-acme-initech",
        "question_id": "demo-acme-rack",
        "order_number": "SO-10042",
        "request_id": "demo-acme-switch-price",
        "module_id": "demo-basics",
    },
    "globex": {
        "deal_id": "demo-globex-massive",
        "question_id": "demo-globex-kiosk",
        "order_number": "SO-20001",
        "request_id": "demo-globex-credit",
        "module_id": "demo-basics",
    },
}


SEARCHES = ("", "?show=all", "?q=SO-1", "?q=rack", "?sku=NW", "?title=guide")


def canary_forms() -> dict[str, list[str]]:
    """Each killed field's canary as a page, an export or JSON could show it."""
    forms: dict[str, list[str]] = {}
    for field, value in demo_lookups.CANARIES.items():
        if isinstance(value, int):
            forms[field] = [str(value), money(value), f"{value / 100:.2f}", f"{value // 100:,}"]
        else:
            forms[field] = [value, demo_lookups.CANARY_MARK]
    return forms


def leaks(answer: Answer, allowed: set[str]) -> list[str]:
    text = "\n".join([answer.body, *answer.headers.values(), *answer.cookies])
    return [
        f"{field} ({form})"
        for field, forms in canary_forms().items()
        if field not in allowed
        for form in forms
        if form in text
    ]


@pytest.fixture
def seeded(portal: Portal, admin_pool: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Everything a partner can see, seeded; the document ids per partner added to the examples."""
    seed.seed_deals()
    seed.seed_questions()
    seed.seed_document_spaces()
    demo_documents.seed_documents(seed.TENANT_ID)
    demo_lookups.seed_lookups()
    demo_requests.seed_requests()
    demo_training.seed_training()
    examples = {partner: dict(values) for partner, values in EXAMPLES.items()}
    portal.sign_in("principal@acme.example")
    library = portal.get("/partners/documents").body
    document_ids = re.findall(r'href="/partners/documents/(\w+)/download"', library)
    for values in examples.values():
        values["document_id"] = document_ids[0]
    return examples


def takes_a_search(route: Route) -> bool:
    """Lists that read their query string are tried with searches and switches too. A page of one record, a
    download (the whole price list is one), and a page that reads no query string answer the same to
    every search: they are tried as they are."""
    spec = importlib.util.find_spec(route.handler)
    reads_query = spec is not None and spec.origin is not None and "request.query(" in Path(spec.origin).read_text()
    return route.kind == "page" and "{" not in route.path and reads_query


def paths_for(route_path: str, examples: dict[str, dict[str, str]], partner_id: str) -> list[str]:
    names = re.findall(r"\{(\w+)\}", route_path)
    if not names:
        return [route_path]
    missing = [name for name in names if name not in examples[partner_id]]
    assert not missing, f"{route_path}: add an example for {missing} to EXAMPLES"
    paths = []
    for owner in examples:  # its own partner's example, and the other partner's
        path = route_path
        for name in names:
            path = path.replace(f"{{{name}}}", examples[owner][name])
        paths.append(path)
    return paths


def test_no_partner_route_ever_answers_with_a_killed_field(portal: Portal, seeded: dict[str, dict[str, str]]) -> None:
    answered = set()
    for contact in CONTACTS:
        portal.jar.clear()
        portal.sign_in(contact.email)
        allowed = {"credit_limit"} if contact.role == "principal" else set()
        for route in PARTNER_GETS:
            for path in paths_for(route.path, seeded, contact.partner_id):
                for query in SEARCHES if takes_a_search(route) else ("",):
                    answer = portal.get(path + query)
                    assert answer.status < 500, f"{path}{query} answered {answer.status}"
                    found = leaks(answer, allowed)
                    assert not found, f"{contact.email} GET {path}{query} shows {found}"
                    if answer.status < 400:
                        answered.add(route.name)
    assert answered == {route.name for route in PARTNER_GETS}, "a route no contact could open proves nothing"


def test_the_canaries_are_really_there(portal: Portal, seeded: dict[str, dict[str, str]]) -> None:
    """The test above could pass by looking for the wrong thing: the console, which shows killed fields, finds them."""
    portal.admin_sign_in("finance@northwind.example")
    order = leaks(portal.get("/admin/orders/acme/SO-10042"), set())
    portal.sign_in("principal@acme.example")
    account = portal.get("/partners/account")
    product = Product.get(*Product.keys_for(seed.TENANT_ID, "NW-SRV-1001"))

    assert {found.split(" ")[0] for found in order} >= {"unit_cost", "margin", "supplier", "internal_notes"}
    assert [found.split(" ")[0] for found in leaks(account, set())] and not leaks(account, {"credit_limit"})
    assert (product.cost_price, product.supplier_sku) == (
        demo_lookups.CANARIES["cost_price"],
        demo_lookups.CANARIES["supplier_sku"],
    )
