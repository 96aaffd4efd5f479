"""The approvals' lines: a principal's pricing and credit requests, finance's queue and decisions, and
the daily job that reminds of and ends special prices."""

from __future__ import annotations

from portside.manifest.lines import Access, Feature, R, Route, W, Worker

approvals = Feature("approvals")
UPLOADS, DOCUMENT_WRITE, DOCUMENT_READ = Access.DOCUMENT_UPLOADS, Access.DOCUMENT_WRITE, Access.DOCUMENT_READ
ASK, SEE = ("pricing_requests", "submit"), ("pricing_requests", "view")


ROUTES: tuple[Route, ...] = (
    approvals.partner("partner_requests", "GET", "/partners/requests", (R,), SEE),
    # The new-request page signs the upload of a credit request's supporting file, and checks it once back.
    approvals.partner("partner_request_new", "GET", "/partners/requests/new", (R, UPLOADS), ASK),
    approvals.partner(
        "partner_request_submit",
        "POST",
        "/partners/requests",
        (W, UPLOADS, DOCUMENT_WRITE),
        ASK,
        form_page="/partners/requests/new",
    ),
    approvals.partner("partner_request", "GET", "/partners/requests/{request_id}", (R,), SEE),
    approvals.partner(
        "partner_request_withdraw",
        "POST",
        "/partners/requests/{request_id}/withdraw",
        (W,),
        ASK,
        form_page="/partners/requests/{request_id}",
    ),
    approvals.admin("admin_approvals", "GET", "/admin/approvals", (R,), ("approvals", "view")),
    approvals.admin("admin_approval", "GET", "/admin/approvals/{request_id}", (R,), ("approvals", "view")),
    approvals.admin(
        "admin_approval_decide",
        "POST",
        "/admin/approvals/{request_id}/decision",
        (W,),
        ("approvals", "decide"),
        form_page="/admin/approvals/{request_id}",
    ),
    approvals.admin(
        "admin_approval_file",
        "GET",
        "/admin/approvals/{request_id}/file",
        (W, DOCUMENT_READ),
        ("approvals", "view"),
        kind="download",
    ),
)

WORKERS: tuple[Worker, ...] = (approvals.worker("special_prices", "schedule", (W,)),)
