"""The company's identity provider on a laptop: ``oidc-provider-mock`` on its own port.

A well-kept test OpenID Connect provider from PyPI: an authorize page where one picks a user,
a token endpoint, published signing keys, and the nonce carried into the ID token. The demo
users below sit in the company's groups; the seed maps two of those groups to admin roles and
leaves the others for a newcomer to map (docs/single-sign-on.md).

The emulator has no hosted sign-in domain, so the portal talks to this provider directly: the
settings name its endpoints one by one, where on AWS they follow from the pool's hosted domain.
The stand-in does not check PKCE's verifier (Cognito does); the portal sends it all the same.
"""

from __future__ import annotations

import os
import threading
import warnings
from dataclasses import dataclass

from portside import clock
from portside.admins.models import GroupRole

CLIENT_ID = "portside-console-local"
PROVIDER_NAME = "Northwind SSO"
GROUPS_CLAIM = "groups"


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    groups: tuple[str, ...]


DEMO_USERS = (
    DemoUser("olivia.owner@northwind.example", "Olivia Owner", ("portal-owners", "staff")),
    DemoUser("finn.finance@northwind.example", "Finn Finance", ("portal-finance", "staff")),
    DemoUser("avery.audit@northwind.example", "Avery Audit", ("portal-auditors", "staff")),  # map it yourself
    DemoUser("casey.contractor@northwind.example", "Casey Contractor", ("contractors",)),  # no group opens the console
)
SEEDED_MAPPINGS = {"portal-owners": "owner", "portal-finance": "finance"}


class StandInProvider:
    def __init__(self, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"  # the issuer: the provider names itself by the host it is asked at
        self._server: object | None = None

    def start(self) -> None:
        with warnings.catch_warnings():  # oidc-provider-mock 0.3.4 (its newest) imports authlib's deprecated modules
            import authlib.deprecate  # noqa: F401 - first: it puts an "always" filter in front of ours

            warnings.filterwarnings("ignore", message=r"authlib\.jose module is deprecated")
            warnings.filterwarnings("ignore", message=r"The httpx module is deprecated")
            import oidc_provider_mock
        from werkzeug.serving import make_server

        os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # plain HTTP on 127.0.0.1 only
        app = oidc_provider_mock.app(
            require_nonce=True,
            issue_refresh_token=False,
            user_claims=[
                oidc_provider_mock.User(
                    sub=user.email, claims={"email": user.email, "name": user.name, GROUPS_CLAIM: list(user.groups)}
                )
                for user in DEMO_USERS
            ],
        )
        server = make_server("127.0.0.1", self.port, app, threaded=True)
        self._server = server
        threading.Thread(target=server.serve_forever, name="sso-stand-in", daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()  # type: ignore[attr-defined]

    def settings(self) -> dict[str, str]:
        """The portal's settings for this provider (on AWS: the name, the hosted domain and the provider's name)."""
        return {
            "PORTSIDE_ADMIN_SSO_NAME": PROVIDER_NAME,
            "PORTSIDE_ADMIN_SSO_AUTHORIZE_URL": f"{self.url}/oauth2/authorize",
            "PORTSIDE_ADMIN_SSO_TOKEN_URL": f"{self.url}/oauth2/token",
            "PORTSIDE_ADMIN_SSO_ISSUER": self.url,
            "PORTSIDE_ADMIN_SSO_JWKS_URL": f"{self.url}/jwks",
            "PORTSIDE_ADMIN_SSO_CLIENT_ID": CLIENT_ID,
            "PORTSIDE_ADMIN_SSO_CLIENT_SECRET": "local-stand-in",  # it takes any secret, but wants one
            "PORTSIDE_ADMIN_SSO_GROUPS_CLAIM": GROUPS_CLAIM,
        }


def seed_group_roles(tenant_id: str) -> None:
    for group, role in SEEDED_MAPPINGS.items():
        GroupRole(
            *GroupRole.keys_for(tenant_id, group),
            tenant_id=tenant_id,
            group=group,
            role=role,
            created_at=clock.now(),
            created_by="admin:owner@northwind.example",
        ).save()
