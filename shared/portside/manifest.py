"""Every endpoint of the portal, in one place.

Three things are built from this and nothing else: the CDK routes with each function's
IAM grants, the local runtime's router, and the test that every route is guarded.
Adding an endpoint is one line here plus one handler module in ``functions/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote


class Audience(StrEnum):
    PUBLIC = "public"  # anyone; the tenant comes from the request's host
    PARTNER = "partner"  # a signed-in partner contact
    ADMIN = "admin"  # a signed-in admin


class Access(StrEnum):
    TABLE_READ = "table:read"
    TABLE_WRITE = "table:write"  # implies read
    BUCKET_READ = "bucket:read"
    BUCKET_WRITE = "bucket:write"
    LOGO_READ = "bucket:brand:read"  # published logos (brand/*)
    LOGO_WRITE = "bucket:brand:write"  # hand out, check and publish logo uploads (uploads/*, brand/*)
    MAIL = "mail:send"


@dataclass(frozen=True)
class Route:
    name: str
    method: str  # an HTTP method, or ANY
    path: str  # API Gateway syntax: /partners/deals/{deal_id}, /{proxy+}
    handler: str  # module under functions/, exporting ``handler``
    audience: Audience
    access: tuple[Access, ...]
    permission: tuple[str, str] | None = None  # (resource, action) in the matrix; None: any signed-in principal
    # "page" (HTML; redirects to sign-in), "download" (a file; redirects to sign-in too) or "json" (answers 401)
    kind: str = "page"
    # A POST's form page: where a refused form is shown again, and where a GET of a POST-only path
    # (a reload, a back button, a pasted address) is sent.
    form_page: str | None = None

    @property
    def route_key(self) -> str:
        return f"{self.method} {self.path}"


@dataclass(frozen=True)
class Worker:
    name: str
    handler: str
    source: str  # "table-stream" (new outbox items) or "schedule"
    access: tuple[Access, ...]
    every_minutes: int | None = None  # a schedule worker's interval; None: once a day


# How often the stream retries a batch the mail worker crashed on, on AWS and in the local runtime alike.
# A failed send is not a crash: it is counted on the outbox item and retried by the sweeper.
STREAM_RETRY_ATTEMPTS = 2


R, W = Access.TABLE_READ, Access.TABLE_WRITE
# Pages that hand out a presigned upload sign it with their own role: the upload needs PutObject there.
UPLOAD = Access.LOGO_WRITE
PUBLIC, PARTNER, ADMIN = Audience.PUBLIC, Audience.PARTNER, Audience.ADMIN


def admin(
    name: str,
    method: str,
    path: str,
    handler: str,
    access: tuple[Access, ...],
    permission: tuple[str, str],
    form_page: str | None = None,
    kind: str = "page",
) -> Route:
    """An admin console route: every one names the matrix permission it needs."""
    module = f"functions.admin.{handler}"
    return Route(name, method, path, module, ADMIN, access, permission=permission, kind=kind, form_page=form_page)


ROUTES: tuple[Route, ...] = (
    Route("home", "GET", "/", "functions.partners.home", PUBLIC, ()),
    Route("partner_login_form", "GET", "/partners/login", "functions.partners.login_form", PUBLIC, (R,)),
    Route(
        "partner_login_request",
        "POST",
        "/partners/login",
        "functions.partners.login_request",
        PUBLIC,
        (W,),
        form_page="/partners/login",
    ),
    Route("partner_check_mail", "GET", "/partners/login/check", "functions.partners.check_mail", PUBLIC, (R,)),
    Route(
        "partner_code_sign_in",
        "POST",
        "/partners/login/code",
        "functions.partners.code_sign_in",
        PUBLIC,
        (W,),
        form_page="/partners/login/check",
    ),
    Route("partner_magic_confirm", "GET", "/partners/auth/magic", "functions.partners.magic_confirm", PUBLIC, (R,)),
    Route("partner_magic_spend", "POST", "/partners/auth/magic", "functions.partners.magic_spend", PUBLIC, (W,)),
    Route(
        "partner_logout",
        "POST",
        "/partners/logout",
        "functions.partners.logout",
        PARTNER,
        (W,),
        form_page="/partners/dashboard",
    ),
    Route(
        "partner_dashboard",
        "GET",
        "/partners/dashboard",
        "functions.partners.dashboard",
        PARTNER,
        (R,),
        permission=("dashboard", "view"),
    ),
    Route("partner_deals", "GET", "/partners/deals", "functions.partners.deals_list", PARTNER, (R,), ("deals", "view")),
    Route(
        "partner_deal_new",
        "GET",
        "/partners/deals/new",
        "functions.partners.deal_new",
        PARTNER,
        (R,),
        ("deals", "submit"),
    ),
    Route(
        "partner_deal_submit",
        "POST",
        "/partners/deals",
        "functions.partners.deal_submit",
        PARTNER,
        (W,),
        ("deals", "submit"),
        form_page="/partners/deals/new",
    ),
    Route(
        "partner_deal",
        "GET",
        "/partners/deals/{deal_id}",
        "functions.partners.deal_show",
        PARTNER,
        (R,),
        ("deals", "view"),
    ),
    Route(
        "partner_questions",
        "GET",
        "/partners/questions",
        "functions.partners.questions_list",
        PARTNER,
        (R,),
        ("questions", "view"),
    ),
    Route(
        "partner_question_new",
        "GET",
        "/partners/questions/new",
        "functions.partners.question_new",
        PARTNER,
        (R,),
        ("questions", "ask"),
    ),
    Route(
        "partner_question_ask",
        "POST",
        "/partners/questions",
        "functions.partners.question_ask",
        PARTNER,
        (W,),
        ("questions", "ask"),
        form_page="/partners/questions/new",
    ),
    Route(
        "partner_question",
        "GET",
        "/partners/questions/{question_id}",
        "functions.partners.question_show",
        PARTNER,
        (R,),
        ("questions", "view"),
    ),
    # Admin sign-in: Cognito's sign-in calls need no IAM grant (they are made with the user's own credentials).
    Route("admin_login_form", "GET", "/admin/login", "functions.admin.login_form", PUBLIC, (R,)),
    Route("admin_login", "POST", "/admin/login", "functions.admin.login", PUBLIC, (W,), form_page="/admin/login"),
    Route(
        "admin_login_challenge",
        "POST",
        "/admin/login/challenge",
        "functions.admin.login_challenge",
        PUBLIC,
        (W,),
        form_page="/admin/login",
    ),
    Route("admin_logout", "POST", "/admin/logout", "functions.admin.logout", ADMIN, (W,), form_page="/admin"),
    admin("admin_home", "GET", "/admin", "home", (R,), ("admin_dashboard", "view")),
    admin("admin_partners", "GET", "/admin/partners", "partners_list", (R,), ("partners", "view")),
    admin("admin_partner_new", "GET", "/admin/partners/new", "partner_new", (R,), ("partners", "manage")),
    admin(
        "admin_partner_create",
        "POST",
        "/admin/partners",
        "partner_create",
        (W,),
        ("partners", "manage"),
        form_page="/admin/partners/new",
    ),
    admin("admin_partner", "GET", "/admin/partners/{partner_id}", "partner_show", (R,), ("partners", "view")),
    admin(
        "admin_partner_edit", "GET", "/admin/partners/{partner_id}/edit", "partner_edit", (R,), ("partners", "manage")
    ),
    admin(
        "admin_partner_update",
        "POST",
        "/admin/partners/{partner_id}",
        "partner_update",
        (W,),
        ("partners", "manage"),
        form_page="/admin/partners/{partner_id}/edit",
    ),
    admin(
        "admin_contact_new",
        "GET",
        "/admin/partners/{partner_id}/contacts/new",
        "contact_new",
        (R,),
        ("contacts", "invite"),
    ),
    admin(
        "admin_contact_create",
        "POST",
        "/admin/partners/{partner_id}/contacts",
        "contact_create",
        (W,),
        ("contacts", "invite"),
        form_page="/admin/partners/{partner_id}/contacts/new",
    ),
    admin(
        "admin_contact_resend",
        "POST",
        "/admin/contacts/{contact_id}/resend-invite",
        "contact_resend_invite",
        (W,),
        ("contacts", "invite"),
        form_page="/admin/partners",
    ),
    admin(
        "admin_contact_role",
        "POST",
        "/admin/contacts/{contact_id}/role",
        "contact_role",
        (W,),
        ("contacts", "manage"),
        form_page="/admin/partners",
    ),
    admin(
        "admin_contact_status",
        "POST",
        "/admin/contacts/{contact_id}/status",
        "contact_status",
        (W,),
        ("contacts", "manage"),
        form_page="/admin/partners",
    ),
    admin(
        "admin_contact_end_sessions",
        "POST",
        "/admin/contacts/{contact_id}/end-sessions",
        "contact_end_sessions",
        (W,),
        ("contacts", "end_sessions"),
        form_page="/admin/partners",
    ),
    admin("admin_deals", "GET", "/admin/deals", "deals_queue", (R,), ("deal_reviews", "view")),
    admin("admin_deal", "GET", "/admin/deals/{deal_id}", "deal_review", (R,), ("deal_reviews", "view")),
    admin(
        "admin_deal_decide",
        "POST",
        "/admin/deals/{deal_id}/decision",
        "deal_decide",
        (W,),
        ("deal_reviews", "decide"),
        form_page="/admin/deals/{deal_id}",
    ),
    admin("admin_questions", "GET", "/admin/partners/questions", "questions_list", (R,), ("answers", "view")),
    admin(
        "admin_question",
        "GET",
        "/admin/partners/questions/{question_id}",
        "question_show",
        (R,),
        ("answers", "view"),
    ),
    admin(
        "admin_question_answer",
        "POST",
        "/admin/partners/questions/{question_id}/answer",
        "question_answer",
        (W,),
        ("answers", "answer"),
        form_page="/admin/partners/questions/{question_id}",
    ),
    admin("admin_documents", "GET", "/admin/documents", "documents_list", (R,), ("document_spaces", "view")),
    admin(
        "admin_document_space_new",
        "GET",
        "/admin/documents/new",
        "document_space_new",
        (R,),
        ("document_spaces", "manage"),
    ),
    admin(
        "admin_document_space_create",
        "POST",
        "/admin/documents",
        "document_space_create",
        (W,),
        ("document_spaces", "manage"),
        form_page="/admin/documents/new",
    ),
    admin(
        "admin_document_space_edit",
        "GET",
        "/admin/documents/{space_id}/edit",
        "document_space_edit",
        (R,),
        ("document_spaces", "manage"),
    ),
    admin(
        "admin_document_space_update",
        "POST",
        "/admin/documents/{space_id}",
        "document_space_update",
        (W,),
        ("document_spaces", "manage"),
        form_page="/admin/documents/{space_id}/edit",
    ),
    admin("admin_engagement", "GET", "/admin/engagement", "engagement", (R,), ("engagement", "view")),
    admin(
        "admin_nudge",
        "POST",
        "/admin/engagement/nudge",
        "engagement_nudge",
        (W,),
        ("engagement", "nudge"),
        form_page="/admin/engagement",
    ),
    admin("admin_access_review", "GET", "/admin/access-review", "access_review", (R,), ("access_review", "view")),
    admin(
        "admin_access_review_complete",
        "POST",
        "/admin/access-review",
        "access_review_complete",
        (W,),
        ("access_review", "review"),
        form_page="/admin/access-review",
    ),
    admin("admin_audit", "GET", "/admin/audit", "audit_log", (R,), ("audit_log", "view")),
    # Its own route: an export is audited (a write), reading the log is not.
    admin(
        "admin_audit_export",
        "GET",
        "/admin/audit/export",
        "audit_export",
        (W,),
        ("audit_log", "export"),
        kind="download",
    ),
    admin("admin_settings", "GET", "/admin/settings", "settings", (R,), ("settings", "manage")),
    admin(
        "admin_settings_update",
        "POST",
        "/admin/settings",
        "settings_update",
        (W,),
        ("settings", "manage"),
        form_page="/admin/settings",
    ),
    admin("admin_branding", "GET", "/admin/settings/branding", "branding", (R, UPLOAD), ("branding", "manage")),
    admin(
        "admin_branding_update",
        "POST",
        "/admin/settings/branding",
        "branding_update",
        (W, UPLOAD),
        ("branding", "manage"),
        form_page="/admin/settings/branding",
    ),
    admin(
        "admin_partner_brand",
        "GET",
        "/admin/partners/{partner_id}/brand",
        "partner_brand",
        (R, UPLOAD),
        ("branding", "manage"),
    ),
    admin(
        "admin_partner_brand_update",
        "POST",
        "/admin/partners/{partner_id}/brand",
        "partner_brand_update",
        (W, UPLOAD),
        ("branding", "manage"),
        form_page="/admin/partners/{partner_id}/brand",
    ),
    admin("admin_mail", "GET", "/admin/mail", "mail_list", (R,), ("outbox", "view")),
    admin(
        "admin_mail_retry",
        "POST",
        "/admin/mail/{mail_id}/retry",
        "mail_retry",
        (W,),
        ("outbox", "retry"),
        form_page="/admin/mail",
    ),
    admin("admin_roles", "GET", "/admin/help/roles", "roles", (R,), ("role_help", "view")),
    Route("brand_logo", "GET", "/brand/logo/{logo_id}", "functions.brand.logo", PUBLIC, (R, Access.LOGO_READ)),
    # API Gateway's $default route: anything no route above matches gets a branded 404 page.
    Route("not_found", "ANY", "/{proxy+}", "functions.not_found", PUBLIC, (R,)),
)

WORKERS: tuple[Worker, ...] = (
    Worker("mail_sender", "functions.workers.mail_sender", "table-stream", (W, Access.MAIL)),
    Worker("mail_sweeper", "functions.workers.mail_sweeper", "schedule", (W, Access.MAIL), every_minutes=2),
    Worker("deal_protection", "functions.workers.deal_protection", "schedule", (W,)),
)


def route_for_handler(module: str) -> Route:
    matches = [route for route in ROUTES if route.handler == module]
    if len(matches) != 1:
        raise LookupError(f"{module} must be the handler of exactly one manifest route, found {len(matches)}")
    return matches[0]


def path_pattern(path: str) -> re.Pattern[str]:
    """A route path as API Gateway matches it: ``{name}`` is one segment, ``{name+}`` the rest of the path."""
    regex = re.sub(r"\{(\w+)\+\}", r"(?P<\1>.+)", path)
    return re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", regex) + "$")


_FORM_PAGES = [(path_pattern(route.path), route.form_page) for route in ROUTES if route.form_page]


def form_page_for(path: str) -> str | None:
    """The page of a POST-only ``path`` (``/admin/deals/d1/decision`` -> ``/admin/deals/d1``), if it is one."""
    for pattern, page in _FORM_PAGES:
        found = pattern.match(path)
        if found and page:
            return page.format(**{name: quote(value, safe="") for name, value in found.groupdict().items()})
    return None
