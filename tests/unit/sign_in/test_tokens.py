"""Token, code and link rules that need no AWS."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portside.auth.secrets import code_digest, digest, new_code, new_secret
from portside.data.models.tenants import Tenant
from portside.sign_in.links import link_lifetime
from portside.sign_in.spending import mask_email, safe_next_path


def test_secrets_are_256_bit_and_unique() -> None:
    secrets = {new_secret() for _ in range(200)}
    assert len(secrets) == 200
    assert all(len(secret) == 43 for secret in secrets)  # 32 bytes, URL-safe base64 without padding


def test_only_a_sha256_is_kept() -> None:
    secret = new_secret()
    assert len(digest(secret)) == 64 and secret not in digest(secret)
    assert digest(secret) == digest(secret)


def test_codes_are_six_digits_and_salted_by_their_link() -> None:
    assert all(len(code) == 6 and code.isdigit() for code in (new_code() for _ in range(100)))
    assert code_digest("link-a", "123456") != code_digest("link-b", "123456")


@pytest.mark.parametrize(("minutes", "expected"), [(None, 10), (10, 10), (30, 30), (45, 30), (0, 10), (-5, 1)])
def test_link_lifetime_defaults_to_ten_minutes_and_never_exceeds_thirty(minutes: int | None, expected: int) -> None:
    tenant = Tenant.build("t", base_url="https://p.example", brand={"name": "T"})
    tenant.sign_in_link_minutes = minutes  # type: ignore[assignment]
    assert link_lifetime(tenant) == timedelta(minutes=expected)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/partners/deals/42?tab=notes", "/partners/deals/42?tab=notes"),
        ("/partners/dashboard", "/partners/dashboard"),
        ("https://evil.example/partners/", None),
        ("//evil.example/partners/", None),
        ("/partners//evil.example", None),
        ("/partners/\\evil", None),
        ("/admin/partners", None),
        ("/partners/login?next=/x", None),
        ("/partners/auth/magic?token=x", None),
        ("", None),
        (None, None),
    ],
)
def test_only_portal_paths_are_destinations_after_sign_in(path: str | None, expected: str | None) -> None:
    assert safe_next_path(path) == expected


def test_the_confirm_page_shows_a_masked_address() -> None:
    assert mask_email("principal@acme.example") == "p…@acme.example"
