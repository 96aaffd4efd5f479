"""Functional tests: each handler called with API Gateway events, against moto's in-process mock."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from moto import mock_aws

from infra.local import resources, seed
from portside.config import settings
from portside.domain import tenants
from tests.functional.jwks import published_jwks, use_admin_pool
from tests.functional.portal import Portal


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
