"""The guard: audience from the manifest, permission from the matrix."""

from __future__ import annotations

import pytest

from portside.auth.guard import check_route, require
from portside.auth.principal import PartnerPrincipal
from portside.errors import Forbidden, SignInRequired
from portside.manifest import Access, Audience, Route


def principal(role: str) -> PartnerPrincipal:
    return PartnerPrincipal("northwind", "acme", f"acme-{role}", role, "x@acme.example", "X", "hash", "csrf")


def route(audience: Audience, permission: tuple[str, str] | None = None, kind: str = "page") -> Route:
    return Route("r", "GET", "/r", "functions.r", audience, (Access.TABLE_READ,), permission, kind)


def test_public_routes_need_no_one() -> None:
    check_route(route(Audience.PUBLIC), None)


def test_partner_routes_need_a_session() -> None:
    with pytest.raises(SignInRequired):
        check_route(route(Audience.PARTNER), None)


def test_partner_routes_check_the_matrix() -> None:
    orders = route(Audience.PARTNER, ("orders", "view"))
    check_route(orders, principal("salesperson"))
    with pytest.raises(Forbidden):
        check_route(orders, principal("technical"))


def test_a_partner_session_never_opens_an_admin_route() -> None:
    with pytest.raises(SignInRequired):
        check_route(route(Audience.ADMIN, ("partners", "view")), principal("principal"))


def test_require_answers_with_the_principal() -> None:
    assert require(principal("principal"), "deals", "submit").role == "principal"
    with pytest.raises(Forbidden):
        require(principal("technical"), "deals", "submit")
    with pytest.raises(SignInRequired):
        require(None, "dashboard", "view")
