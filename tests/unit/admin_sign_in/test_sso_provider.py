"""The OAuth client's pure parts: PKCE's challenge, the authorize address, the groups a token lists."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portside.auth.sso_provider import SsoProvider, authorization_url, code_challenge, groups_of

PROVIDER = SsoProvider(
    name="Okta",
    authorize_url="https://login.portal.example.com/oauth2/authorize",
    token_url="https://login.portal.example.com/oauth2/token",
    issuer="https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc",
    jwks_url="https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc/.well-known/jwks.json",
    client_id="console",
    identity_provider="Okta",
    groups_claim="custom:groups",
)


def test_the_code_challenge_is_rfc_7636s_s256() -> None:
    # The example of RFC 7636, appendix B.
    assert (
        code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )


def test_the_authorize_address_carries_state_nonce_challenge_and_the_pools_provider() -> None:
    url = authorization_url(PROVIDER, "https://portal.example.com/admin/login/sso/callback", "S", "N", "V" * 43)
    query = {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}
    assert url.startswith(PROVIDER.authorize_url + "?")
    assert query == {
        "response_type": "code",
        "client_id": "console",
        "redirect_uri": "https://portal.example.com/admin/login/sso/callback",
        "scope": "openid email profile",
        "state": "S",
        "nonce": "N",
        "code_challenge": code_challenge("V" * 43),
        "code_challenge_method": "S256",
        "identity_provider": "Okta",
    }


@pytest.mark.parametrize(
    ("value", "groups"),
    [
        (["portal-finance", "staff"], ["portal-finance", "staff"]),
        ("[portal-finance, staff]", ["portal-finance", "staff"]),  # what Cognito makes of a mapped list
        ('["portal-finance","Portal Admins"]', ["portal-finance", "Portal Admins"]),
        ("portal-finance", ["portal-finance"]),
        ("", []),
        (None, []),
        (42, []),
    ],
)
def test_groups_come_from_a_list_or_from_the_text_of_one(value: object, groups: list[str]) -> None:
    assert groups_of({"custom:groups": value}, "custom:groups") == groups


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters=',[]"'), min_size=1).map(str.strip).filter(bool)))
def test_a_list_of_groups_survives_cognitos_text(groups: list[str]) -> None:
    assert groups_of({"g": "[" + ", ".join(groups) + "]"}, "g") == groups
