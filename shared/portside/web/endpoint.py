"""One Lambda handler per manifest route, built the same way every time.

A handler module is a few lines::

    endpoint = Endpoint(__name__)

    @endpoint
    def show(request: PortalRequest) -> Response:
        return page(request, "dashboard/partner_dashboard.html", view=dashboard_for(request.principal))

    handler = endpoint.handler

``Endpoint`` finds the module's route in the manifest and, before the view runs, resolves
the tenant from the host, the principal from the session cookie, applies the guard and,
for every state-changing method, the CSRF checks. Domain errors become pages in one place,
and every response, errors included, leaves with the security headers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from portside.auth import guard, security_events
from portside.auth.cookie_names import ADMIN_COOKIE, SESSION_COOKIE
from portside.auth.principal import ImportKeyPrincipal, Principal
from portside.auth.secrets import new_secret
from portside.errors import InvalidInput, NotFound, PortsideError, RateLimited, SignInRequired, UnreadableForm
from portside.manifest import Audience, path_pattern, route_for_handler
from portside.observability import logger, metrics
from portside.web import cookies, csrf, form_drafts, tenants
from portside.web.headers import OVERRIDABLE, new_nonce, security_headers
from portside.web.http import HttpEvent, Response
from portside.web.pages import error_page, last_resort_page, page
from portside.web.request import PortalRequest, public_host
from portside.web.responses import json_body, redirect

View = Callable[[PortalRequest], Response]
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ERROR_CODES = {
    400: "invalid",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    413: "too_large",
    429: "rate_limited",
}


def _methods(route_method: str) -> frozenset[str] | None:
    """A GET route also answers HEAD (link scanners send it); ANY (None) is every method."""
    if route_method == "ANY":
        return None
    return frozenset({"GET", "HEAD"}) if route_method == "GET" else frozenset({route_method})


PrincipalReader = Callable[[PortalRequest], Principal | None]


def _principal_reader(audience: Audience) -> PrincipalReader | None:
    """Who the session cookie names. Each audience loads its own session store only: a partner's
    route never loads the admins' (nor their models), an admin's never the partners'. An API
    route's key belongs to its feature, which hands its reader to the endpoint."""
    if audience is Audience.ADMIN:
        from portside.auth import admin_sessions

        return lambda request: admin_sessions.admin_from_cookie(request.tenant, request.cookies.get(ADMIN_COOKIE))
    if audience is Audience.PARTNER:
        from portside.auth import sessions

        return lambda request: sessions.principal_from_cookie(request.tenant, request.cookies.get(SESSION_COOKIE))
    return None


class Endpoint:
    def __init__(
        self,
        module: str,
        error_pages: dict[type[PortsideError], str] | None = None,
        error_context: Callable[[PortalRequest], dict[str, Any]] | None = None,
        shown_in_place: frozenset[str] = frozenset(),
        read_key: PrincipalReader | None = None,
    ) -> None:
        """``error_pages`` names the template that answers an expected error (a form shown again, say);
        ``error_context`` adds what that template needs beyond the error, the values and the field errors.

        A POST route with a ``form_page`` in the manifest shows its refused form there, by a redirect
        (no resubmission on reload); ``shown_in_place`` names the templates its form page cannot show
        (a sign-in step that carries a secret), which answer the POST itself. ``read_key`` is how an
        API route finds the key its caller signed with: an API route without one is refused here."""
        self.route = route_for_handler(module)
        self.error_pages = error_pages or {}
        self.error_context = error_context
        self.shown_in_place = shown_in_place
        self.view: View | None = None
        self._methods = _methods(self.route.method)
        self._pattern = None if self.route.path == "/{proxy+}" else path_pattern(self.route.path)
        if (self.route.audience is Audience.API) != (read_key is not None):
            raise TypeError(f"{module}: an API route, and only an API route, names how its caller's key is read")
        self._read_principal = read_key or _principal_reader(self.route.audience)
        self.handler = self._lambda_entry()

    def __call__(self, view: View) -> View:
        self.view = view
        return view

    def _respond(self, event: HttpEvent, nonce: str) -> Response:
        """The view's answer, or the answer to whatever stopped it."""
        request: PortalRequest | None = None
        try:
            path_params = self._path_params(event)
            tenant = tenants.tenant_for_host(public_host(event.headers))
            request = PortalRequest(
                event=event, route=self.route, tenant=tenant, csp_nonce=nonce, path_params=path_params
            )
            self._prepare(request)
            assert self.view is not None, f"{self.route.handler} has no view"
            response = self.view(request)
            response.cookies.extend(request.pending_cookies)
            return response
        except Exception as error:
            return self._answer_error(error, event, nonce, request)

    def _path_params(self, event: HttpEvent) -> dict[str, str]:
        """The route's parameters, read from the path as the route names them (API Gateway already matched it)."""
        if self._methods is not None and event.method not in self._methods:
            raise NotFound(f"{event.method} {event.path}")
        if self._pattern is None:
            return {}
        found = self._pattern.match(event.path)
        if found is None:
            raise NotFound(event.path)
        return found.groupdict()

    def _prepare(self, request: PortalRequest) -> None:
        """Principal, guard, CSRF: everything that must hold before a view runs."""
        if self.route.audience is Audience.PUBLIC:
            request.csrf_token = request.cookies.get(cookies.PRE_SESSION_CSRF)
            if not request.csrf_token:
                # Minted now: the page's forms carry it, but this request itself cannot pass a CSRF check.
                minted = new_secret()
                request.pending_cookies.append(
                    cookies.host_cookie(cookies.PRE_SESSION_CSRF, minted, cookies.PRE_SESSION_SECONDS)
                )
                request.csrf_token = minted if request.method in SAFE_METHODS else None
        else:
            assert self._read_principal is not None
            principal = self._read_principal(request)
            request.principal = principal
            if isinstance(principal, ImportKeyPrincipal) or self.route.audience is Audience.API:
                # A machine's request, signed by the key in its Authorization header: no cookie is read, so no
                # other site can make a browser send it, and there is no form token to check.
                guard.check_route(self.route, principal)
                return
            request.csrf_token = principal.csrf_token if principal else None
        guard.check_route(self.route, request.principal)
        if request.method not in SAFE_METHODS:
            csrf.check_origin(request.header("sec-fetch-site"), request.header("origin"), request.host)
            if request.form_problem:
                raise UnreadableForm(request.form_problem)
            csrf.check_token(request.form.get(csrf.FIELD), request.csrf_token)

    def _answer_error(self, error: Exception, event: HttpEvent, nonce: str, request: PortalRequest | None) -> Response:
        """Every error of every route is answered here, and only here."""
        if self.route.kind == "json":
            return self._json_error(error, request)
        if isinstance(error, SignInRequired):
            login = "/admin/login" if self.route.audience is Audience.ADMIN else "/partners/login"
            if request is None:
                return redirect(login)
            return redirect(f"{login}?next={quote(request.path_and_query, safe='/')}")
        if not isinstance(error, PortsideError):
            logger.exception("unhandled error")
            metrics.add_metric(name="UnhandledErrors", unit="Count", value=1)
            return error_page(request, PortsideError(), nonce, event.request_id)
        logger.info("answered with a domain error", extra={"error": type(error).__name__, "detail": str(error)})
        if error.security_event and request is not None:
            self._record_refusal(request, error)
        response = self._form_page(request, error) or error_page(request, error, nonce, event.request_id)
        if isinstance(error, RateLimited):
            response.headers["Retry-After"] = str(error.retry_after_seconds)
        return response

    def _json_error(self, error: Exception, request: PortalRequest | None) -> Response:
        """A JSON route's error as JSON, never a page: ``{"error": ..., "message": ...}`` with its status."""
        if not isinstance(error, PortsideError):
            logger.exception("unhandled error")
            metrics.add_metric(name="UnhandledErrors", unit="Count", value=1)
            error = PortsideError()
        if error.security_event and request is not None:
            self._record_refusal(request, error)
        body: dict[str, Any] = {"error": ERROR_CODES.get(error.status, "error"), "message": error.public_message}
        if isinstance(error, InvalidInput):
            body["fields"] = error.errors
        response = json_body(body, status=error.status)
        if isinstance(error, SignInRequired):
            body["message"] = "Send a valid, unrevoked import key: Authorization: Bearer psk_..."
            response = json_body(body, status=error.status)
            response.headers["WWW-Authenticate"] = 'Bearer realm="portside"'
        return response

    def _record_refusal(self, request: PortalRequest, error: PortsideError) -> None:
        assert error.security_event is not None
        security_events.record(
            request.tenant.tenant_id,
            error.security_event,
            request.principal.actor if request.principal else "anonymous",
            f"route:{self.route.name}",
            request.client,
            path=request.path[:200],
            reason=str(error)[:200],
        )

    def _form_page(self, request: PortalRequest | None, error: PortsideError) -> Response | None:
        """The route's own page for an expected error (the form again, with what was typed), if it has one.

        Building it may itself fail: an invalid form posted to an unknown deal has no deal to show.
        Then the error that did that (a 404, say) is answered instead, on the generic page.
        """
        template = next((t for kind, t in self.error_pages.items() if isinstance(error, kind)), None)
        if not template or request is None:
            return None
        context: dict[str, Any] = {"error": error, "values": request.form_shown, "errors": {}}
        if isinstance(error, InvalidInput):
            context["errors"] = error.errors
        shown_again_at = self._show_again_by_get(request, template, error, context)
        if shown_again_at:
            return redirect(shown_again_at, cookies=request.pending_cookies)
        try:
            if self.error_context is not None:
                context.update(self.error_context(request))
            response = page(request, template, status=error.status, **context)
        except PortsideError as deeper:
            logger.info("the form's page could not be shown", extra={"error": type(deeper).__name__})
            return error_page(request, deeper, request.csp_nonce, request.request_id)
        except Exception:
            logger.exception("the form's page failed")
            return error_page(request, PortsideError(), request.csp_nonce, request.request_id)
        response.cookies.extend(request.pending_cookies)
        return response

    def _show_again_by_get(
        self, request: PortalRequest, template: str, error: PortsideError, context: dict[str, Any]
    ) -> str | None:
        """Keep the refused form for its page and answer where to go, when the route shows it there."""
        form_page = self.route.form_page
        if request.method != "POST" or not form_page or template in self.shown_in_place or not request.csrf_token:
            return None
        refused = form_drafts.RefusedForm(
            template=template,
            status=error.status,
            message=error.public_message,
            values=context["values"],
            errors=context["errors"],
            retry_after=error.retry_after_seconds if isinstance(error, RateLimited) else None,
        )
        draft_id = form_drafts.keep(request.tenant.tenant_id, request.csrf_token, request.client.ip, refused)
        if draft_id is None:
            return None
        params = {name: quote(value, safe="") for name, value in request.path_params.items()}
        return f"{form_page.format(**params)}?{form_drafts.QUERY}={draft_id}"

    def _lambda_entry(self) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
        @logger.inject_lambda_context(clear_state=True)
        @metrics.log_metrics
        def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
            nonce = new_nonce()
            try:
                response = self._respond(HttpEvent(event), nonce).as_result()
            except Exception:  # the error handler itself failed: still a generic page, with every header
                logger.exception("the error handler failed")
                metrics.add_metric(name="UnhandledErrors", unit="Count", value=1)
                response = last_resort_page(event)
            headers = response.setdefault("headers", {})
            for name, value in security_headers(nonce).items():
                if name not in OVERRIDABLE or name not in headers:
                    headers[name] = value
            return response

        return handler
