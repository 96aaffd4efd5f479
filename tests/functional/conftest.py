"""Functional tests: each handler called with API Gateway events, against moto's in-process mock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from moto import mock_aws

from infra.local import resources, seed
from portside.config import settings
from portside.domain import tenants
from tests.functional.portal import Portal


@pytest.fixture
def portal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Portal]:
    """A fresh emulated account with the demo tenant, and a driver that speaks to the handlers."""
    settings.cache_clear()
    tenants.forget_cached_tenants()
    with mock_aws():
        resources.create_table()
        resources.create_mail_identity()
        seed.seed_tenant(Portal.BASE_URL)
        yield Portal(monkeypatch)
    tenants.forget_cached_tenants()
    settings.cache_clear()
