"""What a manifest line is: a route or a worker, the access it needs, and ``Feature``, which a feature's
``routes`` builds its lines with."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Audience(StrEnum):
    PUBLIC = "public"  # anyone; the tenant comes from the request's host
    PARTNER = "partner"  # a signed-in partner contact
    ADMIN = "admin"  # a signed-in admin
    API = "api"  # an ERP's system, by an import key in its Authorization header (JSON; no cookies, no CSRF)


class Access(StrEnum):
    TABLE_READ = "table:read"
    TABLE_WRITE = "table:write"  # implies read
    LOGO_READ = "bucket:brand:read"  # published logos (brand/*)
    LOGO_WRITE = "bucket:brand:write"  # hand out, check and publish logo uploads (uploads/*, brand/*)
    # Document files: uploads waiting to be checked (uploads/*), then the documents themselves (documents/*).
    DOCUMENT_UPLOADS = "bucket:uploads"  # hand out a document upload, check it, delete a bad one
    DOCUMENT_WRITE = "bucket:documents:write"  # copy a checked upload in as a new version; remove an unrecorded one
    DOCUMENT_READ = "bucket:documents:read"  # sign a one-minute download of a recorded version
    IMPORT_FILES = "bucket:imports"  # keep an import's file, read it, write and hand out its report (imports/*)
    MAIL = "mail:send"
    ADMIN_USERS = "cognito:admin-users"  # create the pool's users and move them between groups (admin roles)


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
    item_types: tuple[str, ...] = ()  # a stream worker's: the item types whose new items wake it
    timeout_seconds: int = 60


R, W = Access.TABLE_READ, Access.TABLE_WRITE
# Pages that hand out a presigned upload sign it with their own role: the upload needs PutObject there.
UPLOAD = Access.LOGO_WRITE
PUBLIC, PARTNER, ADMIN, API = Audience.PUBLIC, Audience.PARTNER, Audience.ADMIN, Audience.API


@dataclass(frozen=True)
class Feature:
    """A feature's manifest lines. Its handlers live in ``functions/<feature>/``, one module per line,
    named as the line is: the route ``admin_imports`` is ``functions.imports.admin_imports``."""

    name: str

    def handler(self, line_name: str) -> str:
        return f"functions.{self.name}.{line_name}"

    def partner(
        self,
        name: str,
        method: str,
        path: str,
        access: tuple[Access, ...],
        permission: tuple[str, str],
        form_page: str | None = None,
        kind: str = "page",
    ) -> Route:
        """A signed-in partner's route: every one names the matrix permission it needs."""
        return Route(
            name, method, path, self.handler(name), PARTNER, access, permission, kind=kind, form_page=form_page
        )

    def admin(
        self,
        name: str,
        method: str,
        path: str,
        access: tuple[Access, ...],
        permission: tuple[str, str],
        form_page: str | None = None,
        kind: str = "page",
    ) -> Route:
        """An admin console route: every one names the matrix permission it needs."""
        return Route(name, method, path, self.handler(name), ADMIN, access, permission, kind=kind, form_page=form_page)

    def api(self, name: str, method: str, path: str, access: tuple[Access, ...]) -> Route:
        """A route for another system, signed with a key of the feature's (JSON in and out)."""
        return Route(name, method, path, self.handler(name), API, access, kind="json")

    def public(
        self, name: str, method: str, path: str, access: tuple[Access, ...], form_page: str | None = None
    ) -> Route:
        """A route for anyone: the tenant comes from the request's host."""
        return Route(name, method, path, self.handler(name), PUBLIC, access, form_page=form_page)

    def signed_in(
        self, name: str, method: str, path: str, audience: Audience, access: tuple[Access, ...], form_page: str
    ) -> Route:
        """A route anyone signed in to ``audience`` may use whatever their role (signing out): no permission."""
        return Route(name, method, path, self.handler(name), audience, access, form_page=form_page)

    def worker(self, name: str, source: str, access: tuple[Access, ...], **options: Any) -> Worker:
        return Worker(name, self.handler(name), source, access, **options)
