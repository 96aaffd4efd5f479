"""The partner dashboard's route (not yet moved to a package of its own)."""

from __future__ import annotations

from portside.manifest.lines import PARTNER, R, Route

ROUTES: tuple[Route, ...] = (
    Route(
        "partner_dashboard",
        "GET",
        "/partners/dashboard",
        "functions.partners.dashboard",
        PARTNER,
        (R,),
        permission=("dashboard", "view"),
    ),
    # Admin sign-in: Cognito's sign-in calls need no IAM grant (they are made with the user's own credentials).
)
