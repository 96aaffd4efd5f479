"""Partners' lines: the console's partners (listed, created, edited) and their contacts (invited, invited
again, given another role, disabled, signed out everywhere)."""

from __future__ import annotations

from portside.manifest.lines import Feature, R, Route, W

partners = Feature("partners")
SEE, MANAGE = ("partners", "view"), ("partners", "manage")
INVITE, MANAGE_CONTACTS = ("contacts", "invite"), ("contacts", "manage")

ROUTES: tuple[Route, ...] = (
    partners.admin("admin_partners", "GET", "/admin/partners", (R,), SEE),
    partners.admin("admin_partner_new", "GET", "/admin/partners/new", (R,), MANAGE),
    partners.admin("admin_partner_create", "POST", "/admin/partners", (W,), MANAGE, form_page="/admin/partners/new"),
    partners.admin("admin_partner", "GET", "/admin/partners/{partner_id}", (R,), SEE),
    partners.admin("admin_partner_edit", "GET", "/admin/partners/{partner_id}/edit", (R,), MANAGE),
    partners.admin(
        "admin_partner_update",
        "POST",
        "/admin/partners/{partner_id}",
        (W,),
        MANAGE,
        form_page="/admin/partners/{partner_id}/edit",
    ),
    partners.admin("admin_contact_new", "GET", "/admin/partners/{partner_id}/contacts/new", (R,), INVITE),
    partners.admin(
        "admin_contact_create",
        "POST",
        "/admin/partners/{partner_id}/contacts",
        (W,),
        INVITE,
        form_page="/admin/partners/{partner_id}/contacts/new",
    ),
    partners.admin(
        "admin_contact_resend",
        "POST",
        "/admin/contacts/{contact_id}/resend-invite",
        (W,),
        INVITE,
        form_page="/admin/partners",
    ),
    partners.admin(
        "admin_contact_role",
        "POST",
        "/admin/contacts/{contact_id}/role",
        (W,),
        MANAGE_CONTACTS,
        form_page="/admin/partners",
    ),
    partners.admin(
        "admin_contact_status",
        "POST",
        "/admin/contacts/{contact_id}/status",
        (W,),
        MANAGE_CONTACTS,
        form_page="/admin/partners",
    ),
    partners.admin(
        "admin_contact_end_sessions",
        "POST",
        "/admin/contacts/{contact_id}/end-sessions",
        (W,),
        ("contacts", "end_sessions"),
        form_page="/admin/partners",
    ),
)
