"""Deal registration: the partner's pages as a salesperson (the console's are in ``console``)."""

from __future__ import annotations

import uuid
from typing import Any

from tests.bench.scenarios import Scenario, as_contact


def scenarios(portal: Any) -> dict[str, Scenario]:
    from tests.functional.deals.test_deals import DEAL

    def as_sales() -> None:
        as_contact(portal, "sales@acme.example")

    def form() -> dict[str, str]:
        page = portal.get("/partners/deals/new")
        return {**DEAL, "submission_id": uuid.uuid4().hex, "csrf_token": page.field("csrf_token")}

    as_sales()
    deal_id = portal.post("/partners/deals", form()).location.split("?")[0].rsplit("/", 1)[-1]
    return {
        "partner_deals": (as_sales, lambda _: portal.get("/partners/deals")),
        "partner_deal_new": (as_sales, lambda _: portal.get("/partners/deals/new")),
        "partner_deal_submit": (form, lambda data: portal.post("/partners/deals", data)),
        "partner_deal": (as_sales, lambda _: portal.get(f"/partners/deals/{deal_id}")),
    }
