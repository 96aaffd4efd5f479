"""Functional tests: each handler called with API Gateway events, against moto's in-process mock."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from moto import mock_aws

from infra.local import resources, seed, sso_stand_in
from portside.config import settings
from portside.web import tenants
from tests.functional.jwks import published_jwks, use_admin_pool
from tests.functional.portal import Portal
from tests.functional.sso_helpers import free_port


@pytest.fixture
def portal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Portal]:
    """A fresh emulated account with the demo tenant, and a driver that speaks to the handlers."""
    settings.cache_clear()
    tenants.forget_cached_tenants()
    with mock_aws():
        resources.create_table()
        resources.create_bucket()
        resources.create_mail_identity()
        seed.seed_tenant(Portal.BASE_URL)
        yield Portal(monkeypatch)
    tenants.forget_cached_tenants()
    settings.cache_clear()


@pytest.fixture(scope="session")
def jwks_url() -> Iterator[str]:
    with published_jwks() as url:
        yield url


@pytest.fixture
def admin_pool(portal: Portal, monkeypatch: pytest.MonkeyPatch, jwks_url: str) -> dict[str, Any]:
    """The emulated admin pool with the four demo admins (TOTP set up), and the portal pointed at it."""
    return use_admin_pool(jwks_url, monkeypatch.setenv)


@pytest.fixture(scope="session")
def stand_in_provider() -> Iterator[sso_stand_in.StandInProvider]:
    provider = sso_stand_in.StandInProvider(free_port())
    provider.start()
    yield provider
    provider.stop()


@pytest.fixture
def sso(
    portal: Portal, monkeypatch: pytest.MonkeyPatch, stand_in_provider: sso_stand_in.StandInProvider
) -> sso_stand_in.StandInProvider:
    """Single sign-on through the stand-in provider, with the demo's group mappings."""
    for name, value in stand_in_provider.settings().items():
        monkeypatch.setenv(name, value)
    settings.cache_clear()
    sso_stand_in.seed_group_roles(seed.TENANT_ID)
    return stand_in_provider
