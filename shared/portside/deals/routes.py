"""The deals' lines: a partner's registrations, the console's review and decision, and the daily job
that reminds of and ends deal protection."""

from __future__ import annotations

from portside.manifest.lines import Feature, R, Route, W, Worker

deals = Feature("deals")

ROUTES: tuple[Route, ...] = (
    deals.partner("partner_deals", "GET", "/partners/deals", (R,), ("deals", "view")),
    deals.partner("partner_deal_new", "GET", "/partners/deals/new", (R,), ("deals", "submit")),
    deals.partner(
        "partner_deal_submit", "POST", "/partners/deals", (W,), ("deals", "submit"), form_page="/partners/deals/new"
    ),
    deals.partner("partner_deal", "GET", "/partners/deals/{deal_id}", (R,), ("deals", "view")),
    deals.admin("admin_deals", "GET", "/admin/deals", (R,), ("deal_reviews", "view")),
    deals.admin("admin_deal", "GET", "/admin/deals/{deal_id}", (R,), ("deal_reviews", "view")),
    deals.admin(
        "admin_deal_decide",
        "POST",
        "/admin/deals/{deal_id}/decision",
        (W,),
        ("deal_reviews", "decide"),
        form_page="/admin/deals/{deal_id}",
    ),
)

WORKERS: tuple[Worker, ...] = (deals.worker("deal_protection", "schedule", (W,)),)
