"""Pricing and credit requests: the principal's requests, and finance's approval queue and decisions."""

from __future__ import annotations

from portside.manifest.lines import Access, R, Route, W, admin, partner

UPLOADS, DOCUMENT_WRITE, DOCUMENT_READ = Access.DOCUMENT_UPLOADS, Access.DOCUMENT_WRITE, Access.DOCUMENT_READ
ASK, SEE = ("pricing_requests", "submit"), ("pricing_requests", "view")


ROUTES: tuple[Route, ...] = (
    partner("partner_requests", "GET", "/partners/requests", "requests_list", (R,), SEE),
    # The new-request page signs the upload of a credit request's supporting file, and checks it once back.
    partner("partner_request_new", "GET", "/partners/requests/new", "request_new", (R, UPLOADS), ASK),
    partner(
        "partner_request_submit",
        "POST",
        "/partners/requests",
        "request_submit",
        (W, UPLOADS, DOCUMENT_WRITE),
        ASK,
        form_page="/partners/requests/new",
    ),
    partner("partner_request", "GET", "/partners/requests/{request_id}", "request_show", (R,), SEE),
    partner(
        "partner_request_withdraw",
        "POST",
        "/partners/requests/{request_id}/withdraw",
        "request_withdraw",
        (W,),
        ASK,
        form_page="/partners/requests/{request_id}",
    ),
    admin("admin_approvals", "GET", "/admin/approvals", "approvals_queue", (R,), ("approvals", "view")),
    admin("admin_approval", "GET", "/admin/approvals/{request_id}", "approval_review", (R,), ("approvals", "view")),
    admin(
        "admin_approval_decide",
        "POST",
        "/admin/approvals/{request_id}/decision",
        "approval_decide",
        (W,),
        ("approvals", "decide"),
        form_page="/admin/approvals/{request_id}",
    ),
    admin(
        "admin_approval_file",
        "GET",
        "/admin/approvals/{request_id}/file",
        "approval_attachment",
        (W, DOCUMENT_READ),
        ("approvals", "view"),
        kind="download",
    ),
)
