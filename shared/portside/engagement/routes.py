"""Engagement's lines: the lists of contacts to nudge, and the nudges (to sign in, or to renew a certificate)."""

from __future__ import annotations

from portside.manifest.lines import Feature, R, Route, W

engagement = Feature("engagement")

ROUTES: tuple[Route, ...] = (
    engagement.admin("admin_engagement", "GET", "/admin/engagement", (R,), ("engagement", "view")),
    engagement.admin(
        "admin_nudge", "POST", "/admin/engagement/nudge", (W,), ("engagement", "nudge"), form_page="/admin/engagement"
    ),
    engagement.admin(
        "admin_engagement_certificate_nudge",
        "POST",
        "/admin/engagement/certificates",
        (W,),
        ("engagement", "nudge"),
        form_page="/admin/engagement",
    ),
)
