"""The settings' lines: the tenant's rules, its brand and a partner's, and the published logos."""

from __future__ import annotations

from portside.manifest.lines import Access, Feature, R, Route, W

settings = Feature("settings")
# The pages that hand out a presigned logo upload sign it with their own role: it needs PutObject there.
UPLOAD = Access.LOGO_WRITE

ROUTES: tuple[Route, ...] = (
    settings.admin("admin_settings", "GET", "/admin/settings", (R,), ("settings", "manage")),
    settings.admin(
        "admin_settings_update", "POST", "/admin/settings", (W,), ("settings", "manage"), form_page="/admin/settings"
    ),
    settings.admin("admin_branding", "GET", "/admin/settings/branding", (R, UPLOAD), ("branding", "manage")),
    settings.admin(
        "admin_branding_update",
        "POST",
        "/admin/settings/branding",
        (W, UPLOAD),
        ("branding", "manage"),
        form_page="/admin/settings/branding",
    ),
    settings.admin(
        "admin_partner_brand", "GET", "/admin/partners/{partner_id}/brand", (R, UPLOAD), ("branding", "manage")
    ),
    settings.admin(
        "admin_partner_brand_update",
        "POST",
        "/admin/partners/{partner_id}/brand",
        (W, UPLOAD),
        ("branding", "manage"),
        form_page="/admin/partners/{partner_id}/brand",
    ),
    settings.public("brand_logo", "GET", "/brand/logo/{logo_id}", (R, Access.LOGO_READ)),
    settings.public("favicon", "GET", "/favicon.ico", (R,)),
)
