"""The guard: every route's audience and permission, checked once, from the manifest and the matrix."""

from __future__ import annotations

from portside.auth.matrix import ADMIN_ROLES, PARTNER_ROLES, allows
from portside.auth.principal import AdminPrincipal, ImportKeyPrincipal, PartnerPrincipal, Principal
from portside.errors import Forbidden, SignInRequired
from portside.manifest import Audience, Route

_PRINCIPAL_OF = {Audience.PARTNER: PartnerPrincipal, Audience.ADMIN: AdminPrincipal, Audience.API: ImportKeyPrincipal}


def require(principal: Principal | None, resource: str, action: str) -> Principal:
    """The principal, if signed in and allowed ``action`` on ``resource``; else SignInRequired or Forbidden."""
    if principal is None:
        raise SignInRequired()
    if not principal.may(resource, action):
        roles = ADMIN_ROLES if isinstance(principal, AdminPrincipal) else PARTNER_ROLES
        who_may = tuple(role for role in roles if allows(role, resource, action))
        raise Forbidden(f"{principal.actor} may not {action} {resource}", who_may)
    return principal


def check_route(route: Route, principal: Principal | None) -> None:
    if route.audience is Audience.PUBLIC:
        return
    if not isinstance(principal, _PRINCIPAL_OF[route.audience]):
        # Each audience signs in on its own: a partner session never opens an admin route, nor the reverse.
        raise SignInRequired()
    if route.permission is not None:
        require(principal, *route.permission)
