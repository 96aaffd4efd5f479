"""The guard: every route's audience and permission, checked once, from the manifest and the matrix."""

from __future__ import annotations

from portside.auth.matrix import allows
from portside.auth.principal import PartnerPrincipal
from portside.errors import Forbidden, SignInRequired
from portside.manifest import Audience, Route


def require(principal: PartnerPrincipal | None, resource: str, action: str) -> PartnerPrincipal:
    """The principal, if signed in and allowed ``action`` on ``resource``; else SignInRequired or Forbidden."""
    if principal is None:
        raise SignInRequired()
    if not allows(principal.role, resource, action):
        raise Forbidden(f"{principal.role} may not {action} {resource}")
    return principal


def check_route(route: Route, principal: PartnerPrincipal | None) -> None:
    if route.audience is Audience.PUBLIC:
        return
    if route.audience is Audience.ADMIN or principal is None:
        # Admin sign-in is its own identity: a partner session never opens an admin route.
        raise SignInRequired()
    if route.permission is not None:
        require(principal, *route.permission)
