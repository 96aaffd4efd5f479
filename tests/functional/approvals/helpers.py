"""What the pricing and credit request tests share: a small catalogue, the two forms, the finance side."""

from __future__ import annotations

from datetime import timedelta

from infra.local.seed import TENANT_ID
from portside import clock
from portside.approvals.models import PricingRequest
from portside.data.models.records import OutboxMail
from portside.lookups.models.catalogue import Account, PriceEntry, Product
from tests.functional.portal import Answer, Portal

SKU = "NW-SRV-1005"
LIST_PRICE = 36_576  # $365.76
GOLD = {1: 28_529, 10: 27_103}  # Acme's tier: $285.29 from one unit, $271.03 from ten
SILVER = {1: 31_455}
COST = 20_000
ACME_LIMIT, GLOBEX_LIMIT = 5_000_000, 2_000_000  # $50,000 and $20,000
FINANCE, OWNER, OPS, AUDITOR = (f"{role}@northwind.example" for role in ("finance", "owner", "ops", "auditor"))

SPECIAL_PRICE = {"sku": SKU, "requested_price": "260.00", "quantity": "25", "reason": "Initech wants 25."}
CREDIT_LIMIT = {"requested_limit": "80,000", "reason": "Two large orders next month."}


def seed_catalogue() -> None:
    """One product on both tiers' lists, and both partners' accounts."""
    now = clock.now()
    since = (now.date() - timedelta(days=30)).isoformat()
    Product.build(TENANT_ID, SKU, "Rack server S128", cost_price=COST, updated_at=now).save()
    for tier, prices in (("gold", GOLD), ("silver", SILVER)):
        for quantity, price in prices.items():
            PriceEntry.build(
                TENANT_ID,
                f"tier:{tier}",
                SKU,
                quantity,
                since,
                product_name="Rack server S128",
                list_price=LIST_PRICE,
                price=price,
                updated_at=now,
            ).save()
    for partner_id, limit in (("acme", ACME_LIMIT), ("globex", GLOBEX_LIMIT)):
        Account.build(
            TENANT_ID, partner_id, credit_limit=limit, balance=1_000_000, payment_terms="30 days net", updated_at=now
        ).save()


def ask(portal: Portal, kind: str, fields: dict[str, str], **changes: str) -> Answer:
    """Open the form of ``kind`` and send it with ``fields`` (and ``changes``), as a principal's browser does."""
    form = portal.get(f"/partners/requests/new?type={kind}")
    assert form.status == 200, form.body
    sent = {
        **fields,
        **changes,
        "request_type": kind,
        "submission_id": form.field("submission_id"),
        "csrf_token": form.field("csrf_token"),
    }
    hidden = form.hidden_fields()
    if "attachment" in hidden:
        sent.setdefault("attachment", hidden["attachment"])
    return portal.post("/partners/requests", sent)


def ask_price(portal: Portal, **changes: str) -> Answer:
    return ask(portal, "special_price", SPECIAL_PRICE, **changes)


def ask_credit(portal: Portal, **changes: str) -> Answer:
    return ask(portal, "credit_limit", CREDIT_LIMIT, **changes)


def made_id(answer: Answer) -> str:
    assert answer.status == 303 and "notice=submitted" in answer.location, (answer.status, answer.body[:2000])
    return answer.location.split("?")[0].rsplit("/", 1)[-1]


def all_requests() -> list[PricingRequest]:
    return [item for item in PricingRequest.scan() if isinstance(item, PricingRequest)]  # test-only: code never scans


def stored(request_id: str) -> PricingRequest:
    return PricingRequest.get(*PricingRequest.keys_for(TENANT_ID, request_id), consistent_read=True)


def decide(portal: Portal, request_id: str, decision: str = "approve", **fields: str) -> Answer:
    """Decide as the signed-in admin, with the version the request's page shows."""
    page = portal.get(f"/admin/approvals/{request_id}")
    version = page.field("version") if 'name="version"' in page.body else str(stored(request_id).version)
    return portal.admin_post(
        f"/admin/approvals/{request_id}/decision", {"decision": decision, "version": version, **fields}
    )


def outbox(template: str) -> list[OutboxMail]:
    return [m for m in OutboxMail.scan() if isinstance(m, OutboxMail) and m.template == template]  # test-only


def own_prices(partner_id: str = "acme") -> list[PriceEntry]:
    return list(PriceEntry.query(PriceEntry.partition_of(TENANT_ID, f"partner:{partner_id}")))


def account(partner_id: str = "acme") -> Account:
    return Account.get(*Account.keys_for(TENANT_ID, partner_id))
