"""The admin console's routes, as the owner (who may use every one). Setups make each request do its real work."""

from __future__ import annotations

from typing import Any

from tests.bench.scenarios import Scenario, get

OWNER = "owner@northwind.example"
TENANT = "northwind"


def scenarios(portal: Any, runs: int) -> dict[str, Scenario]:
    from infra.local.seed import ADMIN_PASSWORD
    from portside.data import reads
    from tests.functional.settings.test_branding import PNG, upload

    numbers = iter(range(10**6))
    portal.admin_sign_in(OWNER)

    def csrf() -> str:
        return str(portal.admin_csrf())

    def post(path: str, form: Any) -> Scenario:
        return lambda: {"csrf_token": csrf(), **form()}, lambda data: portal.post(path, data)

    def invited_contact() -> str:
        email = f"bench-{next(numbers)}@acme.example"
        portal.admin_post("/admin/partners/acme/contacts", {"name": "Bench", "email": email, "role": "technical"})
        return str(reads.contact_by_email(TENANT, email).contact_id)  # type: ignore[union-attr]

    def version_of(contact_id: str) -> str:
        return str(reads.contact(TENANT, contact_id).version)  # type: ignore[union-attr]

    def password_step() -> dict[str, str]:
        token = portal.get("/admin/login").field("csrf_token")
        step = portal.post("/admin/login", {"csrf_token": token, "email": OWNER, "password": ADMIN_PASSWORD})
        return {**step.hidden_fields(), "code": portal.unused_code(OWNER)}

    def signed_in_csrf() -> str:
        portal.admin_sign_in(OWNER)
        return csrf()

    def pending_deal() -> str:
        from tests.functional.deals.test_deals import DEAL

        admin_cookie = portal.jar.pop("__Host-portside-admin")
        portal.sign_in("sales@globex.example")
        page = portal.get("/partners/deals/new")
        fields = {**DEAL, "submission_id": page.field("submission_id"), "csrf_token": page.field("csrf_token")}
        deal = portal.post("/partners/deals", fields).location.split("?")[0].rsplit("/", 1)[-1]
        portal.jar["__Host-portside-admin"] = admin_cookie
        return str(deal)

    def settings_form() -> dict[str, str]:
        """The settings as they are, saved again."""
        page = portal.get("/admin/settings")
        names = ("sign_in_link_minutes", "session_days", "deal_protection_days", "version")
        return {name: page.field(name) for name in names}

    enabled = iter(["false", "true"] * runs)
    roles = iter(["salesperson", "technical"] * runs)
    logo = upload(portal, "/admin/settings/branding", PNG)
    brand = {"name": "Northwind Distribution", "primary_colour": "#0f5b7a"}
    portal.admin_post(
        "/admin/settings/branding",
        {**brand, "logo_upload": logo, "version": portal.get("/admin/settings/branding").field("version")},
    )
    logo_path = str(reads.tenant(TENANT).brand.logo_url)  # type: ignore[union-attr]
    return {
        "admin_login_form": get(portal, "/admin/login"),
        "admin_login": (
            lambda: portal.get("/admin/login").field("csrf_token"),
            lambda token: portal.post(
                "/admin/login", {"csrf_token": token, "email": OWNER, "password": ADMIN_PASSWORD}
            ),
        ),
        "admin_login_challenge": (password_step, lambda data: portal.post("/admin/login/challenge", data)),
        "admin_home": get(portal, "/admin"),
        "admin_partners": get(portal, "/admin/partners"),
        "admin_partner_new": get(portal, "/admin/partners/new"),
        "admin_partner_create": post("/admin/partners", lambda: {"partner_id": f"bench-{next(numbers)}", "name": "B"}),
        "admin_partner": get(portal, "/admin/partners/acme"),
        "admin_partner_edit": get(portal, "/admin/partners/acme/edit"),
        "admin_partner_update": post(
            "/admin/partners/acme",
            lambda: {"name": "Acme Resellers", "version": portal.get("/admin/partners/acme/edit").field("version")},
        ),
        "admin_contact_new": get(portal, "/admin/partners/acme/contacts/new"),
        "admin_contact_create": post(
            "/admin/partners/acme/contacts",
            lambda: {"name": "Bench", "email": f"bench-{next(numbers)}@acme.example", "role": "technical"},
        ),
        "admin_contact_resend": (
            lambda: (invited_contact(), csrf()),
            lambda args: portal.post(f"/admin/contacts/{args[0]}/resend-invite", {"csrf_token": args[1]}),
        ),
        "admin_contact_role": post(
            "/admin/contacts/acme-salesperson/role",
            lambda: {"role": next(roles), "version": version_of("acme-salesperson")},
        ),
        "admin_contact_status": post(
            "/admin/contacts/acme-technical/status",
            lambda: {"enabled": next(enabled), "version": version_of("acme-technical"), "confirmed": "yes"},
        ),
        "admin_contact_end_sessions": (
            lambda: (portal.sign_in("principal@globex.example"), csrf())[1],
            lambda token: portal.post(
                "/admin/contacts/globex-principal/end-sessions", {"csrf_token": token, "confirmed": "yes"}
            ),
        ),
        "admin_engagement": get(portal, "/admin/engagement"),
        "admin_nudge": post("/admin/engagement/nudge", lambda: {"contact_id": invited_contact()}),
        "admin_access_review": get(portal, "/admin/access-review"),
        "admin_access_review_complete": post("/admin/access-review", lambda: {"note": "bench"}),
        "admin_audit": get(portal, "/admin/audit"),
        "admin_audit_export": get(portal, "/admin/audit/export"),
        "admin_settings": get(portal, "/admin/settings"),
        "admin_settings_update": post("/admin/settings", settings_form),
        "admin_branding": get(portal, "/admin/settings/branding"),
        "admin_branding_update": post(
            "/admin/settings/branding",
            lambda: {**brand, "version": portal.get("/admin/settings/branding").field("version")},
        ),
        "admin_partner_brand": get(portal, "/admin/partners/globex/brand"),
        "admin_partner_brand_update": post(
            "/admin/partners/globex/brand",
            lambda: {**brand, "name": "Globex", "version": portal.get("/admin/partners/globex/brand").field("version")},
        ),
        "admin_mail": get(portal, "/admin/mail"),
        "admin_mail_retry": (
            lambda: (parked_mail(), csrf()),
            lambda args: portal.post(f"/admin/mail/{args[0]}/retry", {"csrf_token": args[1]}),
        ),
        "admin_roles": get(portal, "/admin/help/roles"),
        "admin_deals": get(portal, "/admin/deals"),
        "admin_deal": get(portal, f"/admin/deals/{pending_deal()}"),
        "admin_deal_decide": (
            lambda: (pending_deal(), csrf()),
            lambda args: portal.post(
                f"/admin/deals/{args[0]}/decision",
                {"csrf_token": args[1], "decision": "reject", "note": "bench", "confirmed": "yes"},
            ),
        ),
        "brand_logo": get(portal, logo_path),
        "favicon": get(portal, "/favicon.ico"),
        # Last: it ends the session the routes above use (each of its runs signs in again first, unmeasured).
        "admin_logout": (
            signed_in_csrf,
            lambda token: portal.post("/admin/logout", {"csrf_token": token, "confirmed": "yes"}),
        ),
    }


def parked_mail() -> str:
    """A mail that failed for good, waiting in the console's list for a retry."""
    from portside.data import reads
    from portside.mail.outbox import outbox_mail
    from portside.web.tenants import mail_brand

    tenant = reads.tenant(TENANT)
    assert tenant is not None
    mail = outbox_mail(
        TENANT,
        "principal@acme.example",
        "nudge",
        about="contact:acme-principal",
        name="Acme Principal",
        invited=False,
        days=7,
        sign_in_url=f"{tenant.base_url}/partners/login",
        brand=mail_brand(tenant, "acme"),
    )
    mail.status, mail.last_error = "failed", "bench: refused"
    mail.GSI1PK, mail.GSI1SK = mail.parked_index_keys()
    mail.save()
    return str(mail.mail_id)
